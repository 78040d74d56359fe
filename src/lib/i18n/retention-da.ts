/**
 * Danish text of the retention schedule on /privatliv ("Hvad vi gemmer, og
 * hvor længe"): one line per rule of src/server/privacy/retention.ts, its period
 * filled in from the running configuration, so the page states what the
 * server enforces.
 */
import type { PeriodUnit, RuleId } from '../domain.ts';

const UNITS: Record<PeriodUnit, [string, string]> = {
  hours: ['time', 'timer'],
  days: ['dag', 'dage'],
  months: ['måned', 'måneder'],
  years: ['år', 'år'],
};

export const retentionDa = {
  heading: 'Hvad vi gemmer, og hvor længe',
  intro:
    'Det her bliver slettet af sig selv. Perioderne er dem, siden faktisk bruger: en gang i døgnet sletter serveren det, der er blevet for gammelt.',
  what: 'Hvad',
  howLong: 'Hvor længe',
  caption: 'Hvor længe hver slags oplysning bliver gemt',
  period: (p: { n: number; unit: PeriodUnit }): string => `${p.n} ${UNITS[p.unit][p.n === 1 ? 0 : 1]}`,
  rules: {
    report_email: {
      what: 'Din e-mailadresse, hvis du har bedt om besked om en melding, og en virksomheds telefonnummer til at blive ringet op',
      when: (): string => 'Slettes, så snart meldingen er lukket.',
    },
    report_details: {
      what: 'Beskrivelsen i en melding, det præcise sted og et sted, du selv har skrevet',
      when: (p: string): string =>
        `${p} efter at meldingen er lukket. Derefter er kun kategori, område, dag, tidspunkt på dagen og status tilbage, og stedet er kun den sekskant på omkring 0,1 km², som kortet viser. Meldingen tæller stadig med i kortets tal.`,
    },
    rejected_reports: {
      what: 'En melding, som er afvist (fx fordi den ikke handler om tryghed)',
      when: (p: string): string => `Slettes helt ${p} efter afvisningen.`,
    },
    report_outbox: {
      what: 'En besked til dig om din melding, der venter på at blive sendt',
      when: (p: string): string => `Slettes, når den er sendt, og senest ${p} efter at den blev lagt i kø.`,
    },
    report_submissions: {
      what: 'Et engangsmærke fra meldeformularen, så samme melding ikke bliver gemt to gange',
      when: (p: string): string => `Højst ${p}.`,
    },
    subscriptions_unconfirmed: {
      what: 'Din e-mailadresse, hvis du har bedt om et abonnement, men ikke har bekræftet det',
      when: (p: string): string => `Højst ${p}.`,
    },
    subscription_outbox: {
      what: 'En e-mail til dig om dit abonnement, der venter på at blive sendt',
      when: (p: string): string => `Slettes, når den er sendt, og senest ${p} efter at den blev lagt i kø.`,
    },
    survey_drafts: {
      what: 'Dine svar, mens du udfylder en undersøgelse (krypteret)',
      when: (p: string): string => `Højst ${p}.`,
    },
    comments_approved: {
      what: 'Kommentarer og spørgsmål, som er godkendt og vist, med svarene på dem',
      when: (p: string): string => `Så længe indsatsen kører, og ${p} efter at indsatsen, arrangementet eller høringen er afsluttet.`,
    },
    comments_rejected: {
      what: 'Kommentarer, som en moderator har afvist',
      when: (p: string): string => `${p} efter afvisningen.`,
    },
    event_signups: {
      what: 'Din tilmelding til et arrangement (antal personer, din e-mail, hvis du gav den, og et fingeraftryk af afmeldingslinket)',
      when: (): string => 'Slettes, når arrangementet er slut, når det bliver aflyst, eller når du afmelder dig. Kun antallet af tilmeldte bliver gemt.',
    },
    event_outbox: {
      what: 'En e-mail om din tilmelding (bekræftelse eller aflysning), der venter på at blive sendt',
      when: (p: string): string => `Slettes, når den er sendt, og senest ${p} efter at den blev lagt i kø.`,
    },
    comments_pending: {
      what: 'Kommentarer, som ingen moderator har godkendt eller afvist',
      when: (p: string): string => `${p} efter at de er skrevet.`,
    },
    throttle_hits: {
      what: 'Tællere, der begrænser, hvor meget der kan sendes fra samme sted på kort tid (en nøgle, ikke din IP-adresse)',
      when: (p: string): string => `Højst ${p}.`,
    },
    sessions: {
      what: 'Medarbejderes login',
      when: (p: string): string => `Højst ${p}.`,
    },
    audit_log: {
      what: 'Logbogen over medarbejdernes handlinger (hvem gjorde hvad, hvornår)',
      when: (p: string): string =>
        `${p}. Den er medarbejdernes ansvarsspor, så det kan efterprøves, hvem der fx afviste en melding, også i en klagesag eller en revision nogle år efter.`,
    },
  } satisfies Record<RuleId, { what: string; when: (p: string) => string }>,
  subscriptions: {
    what: 'Din e-mailadresse, når du abonnerer på nyt (krypteret)',
    when: 'Så længe du abonnerer. Den slettes, når du afmelder dig med linket i hver e-mail, eller når indsatsen eller området, du følger, bliver slettet.',
  },
  responses: {
    what: 'Svar på undersøgelser',
    when: 'Gemmes som statistik, så målingerne kan sammenlignes fra år til år. Svarene er anonyme og kan ikke føres tilbage til dig.',
  },
};

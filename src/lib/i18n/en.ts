/** English message catalogue: the same shape as the Danish one (see da.ts). */
import type { Messages } from './da.ts';
import { builderEn } from './builder-en.ts';
import { editorEn } from './editor-en.ts';
import { eventsEn } from './events-en.ts';
import { consultationsEn } from './consultations-en.ts';
import { consultationsStaffEn } from './consultations-staff-en.ts';
import { kortEn } from './kort-en.ts';
import { analysisEn } from './analysis-en.ts';
import { dashboardEn } from './dashboard-en.ts';
import { dashboardReportsEn } from './dashboard-reports-en.ts';
import { resultsEn } from './results-en.ts';
import { subscriptionsEn } from './subscriptions-en.ts';
import { statusReportEn } from './status-report-en.ts';
import { reportsEn } from './reports-en.ts';
import { retentionEn } from './retention-en.ts';
import { staffEn } from './staff-en.ts';

export const en: Messages = {
  staff: staffEn,
  editor: editorEn,
  builder: builderEn,
  events: eventsEn,
  consultations: consultationsEn,
  consultationsStaff: consultationsStaffEn,
  reports: reportsEn,
  retention: retentionEn,
  kort: kortEn,
  dashboard: dashboardEn,
  dashboardReports: dashboardReportsEn,
  analysis: analysisEn,
  statusReport: statusReportEn,
  results: resultsEn,
  subscriptions: subscriptionsEn,
  meta: {
    siteName: 'Safety in Inner Nørrebro',
    siteDescription:
      'Safety dialogue and perceived-safety surveys for Inner Nørrebro: follow the initiatives, answer surveys and tell us where you feel unsafe.',
    titleSeparator: ' · ',
  },
  /** Pages for requests refused before a page could render (see src/lib/refusal.ts). */
  refusal: {
    title: 'What you sent could not be received',
    400: 'The form could not be read. Go back and try again.',
    403: 'The form was sent from another website and has been refused. Please fill it in here on the site.',
    413: 'What you sent is too large. Shorten the text and try again.',
    415: 'The form could not be read (wrong format). Go back and try again.',
    back: 'Back to the page',
  },
  a11y: {
    skipToContent: 'Skip to content',
    mainNavigation: 'Main menu',
    footerNavigation: 'About this site',
    languageSwitch: 'Language',
    /** The button that opens the main menu on narrow screens. */
    menu: 'Menu',
  },
  nav: {
    report: 'Report a concern',
    map: 'Map of reports',
    results: 'Results',
    surveys: 'Surveys',
    consultations: 'Consultations',
    initiatives: 'Initiatives',
    events: 'Events',
    home: 'Home',
    about: 'About the partnership',
    privacy: 'Privacy',
    accessibility: 'Accessibility',
  },
  language: {
    /** The name of this locale, written in this locale (the language menu lists every locale by it). */
    name: 'English',
  },
  emergency: {
    /** The phone links in every page's header. */
    short112: 'Emergency: 112',
    short114: 'Police: 114',
    heading: 'Not an emergency service',
    call112: 'Immediate danger to life, health or property: call 112.',
    call114: 'The police otherwise, including to report a crime: call 114.',
    notHere: 'You cannot report crimes or get urgent help through this site.',
  },
  footer: {
    partnership: 'The partnership for a safe Inner Nørrebro',
    runBy:
      'This site is run by the partnership for a safe Inner Nørrebro: Copenhagen Police and the City of Copenhagen (Center for Sikker By and SSP Copenhagen), with the Inner Nørrebro area renewal office.',
    anonymous: 'You are anonymous here: no accounts, no tracking, no IP addresses stored.',
  },
  home: {
    title: 'Safety in Inner Nørrebro',
    lead:
      'Follow the partnership’s work for a safe Inner Nørrebro, have your say, and tell us where you feel unsafe. You are anonymous, and what you tell us is only ever shown combined with others.',
    goalsHeading: 'What the partnership wants to achieve',
    goals: [
      'Less crime in Inner Nørrebro.',
      'More residents feeling safe, measured again and again with the same questions and compared with the starting point.',
      'Residents, associations and businesses taking part in the work.',
      'Watching the neighbouring areas, such as the quarter around Skt. Hans Torv, so that problems do not just move a few streets.',
      'Preventing children and young people from being recruited into gangs, including through social media.',
    ],
    partsHeading: 'What you can do here',
    parts: {
      initiatives: {
        title: 'Initiatives and events',
        text: 'See what the police and the city are doing in the area, come to citizen meetings and safety walks, and ask questions.',
      },
      surveys: {
        title: 'Safety surveys',
        text: 'Tell us anonymously how safe you feel. It also works without JavaScript, with a screen reader and on paper.',
      },
      reports: {
        title: 'Report a concern',
        text: 'Show on the map where and when a place feels unsafe, and follow what happens to your report.',
      },
      results: {
        title: 'Results',
        text: 'See whether people feel safer, in figures that can never be traced back to anyone.',
      },
    },
    comingSoon: 'Coming soon',
    areasHeading: 'The areas',
    areasIntro:
      'The partnership works in Inner Nørrebro and follows what happens in the neighbouring areas. The boundaries on the map are provisional, drawn from known places.',
    areasMapLabel: 'Map of the areas',
  },
  areas: {
    kind: { target: 'Target area', adjacent: 'Neighbouring area' },
    approximate: 'provisional boundary',
  },
  about: {
    title: 'About the partnership',
    intro:
      'Copenhagen Police and the City of Copenhagen have formed a partnership for a safe Inner Nørrebro: the area between Åboulevard, Jagtvej, Nørrebrogade and Peblinge Dossering. For many years the area has been a base for gang conflict and for recruiting young people.',
    sections: [
      {
        heading: 'Who takes part',
        paragraphs: [
          'Copenhagen Police; the City of Copenhagen through Center for Sikker By (the Centre for a Safe City) and SSP Copenhagen (schools, social services and police working together); and the Inner Nørrebro area renewal office, which runs the dialogue with residents.',
        ],
      },
      {
        heading: 'How the police work',
        paragraphs: [
          'Since 2024 the police have worked on three tracks: investigation; operational and safety-creating work; and prevention.',
          'The city works with social support for children, young people and families, and with urban renewal so that streets and squares are good places to be.',
        ],
      },
      {
        heading: 'What this site is, and what it is not',
        paragraphs: [
          'This is the partnership’s public site: it describes the general initiatives, measures how safe people feel, and takes in concerns from residents and businesses.',
          'Work concerning individuals is confidential and does not happen here. The site holds no information about suspects or gang members, and it cannot be used to point anyone out.',
        ],
      },
      {
        heading: 'Who runs the site',
        paragraphs: [
          'Center for Sikker By at the City of Copenhagen is responsible for the site and for the information it receives. The Inner Nørrebro area renewal office runs the dialogue with residents.',
        ],
      },
      {
        heading: 'Contact',
        paragraphs: ['You can write to the partnership about the initiatives and about the site. To report a place that feels unsafe, use Report a concern instead, so that the report reaches the right people.'],
        contacts: ['general', 'partners', 'dpo', 'accessibility'],
      },
    ],
  },
  privacy: {
    title: 'Privacy',
    intro:
      'You should be able to speak your mind without being registered. The site is built to know as little about you as possible.',
    sections: [
      {
        heading: 'What we never store',
        paragraphs: [
          'Your IP address, your browser’s name and version (user agent), tracking cookies or accounts for residents. The site loads nothing from other services: no fonts, no analytics, no adverts.',
        ],
      },
      {
        heading: 'What we store',
        paragraphs: [
          'Your answers to a survey, without your name, with the date but not the time. Free text is automatically searched for personal data such as CPR numbers, phone numbers, e-mail addresses and number plates, which are hidden before anyone reads it.',
          'A report about an unsafe place: the place, the category, the time of day and your description. If you ask to be told when the report has been dealt with, we keep your e-mail address until the case is closed. It is never shown.',
          'Comments and questions about the initiatives, with a name if you choose to give one. A moderator reads them before they are shown.',
          'Your answer to a consultation: for each place you answer, your view and whether you live, work or run a business here or come here. Each place’s answer is stored on its own, without a date and without any link to your other answers. When the consultation closes, only the figures are published and the answers are deleted. Comments are masked for personal data and read by a moderator before they are shown.',
        ],
      },
      {
        heading: 'Cookies',
        paragraphs: [
          'The site only uses strictly necessary cookies: one that remembers your answers while you fill in a survey (deleted within 48 hours), one that remembers the language you chose in the language menu (it holds only the language\'s code, such as "ar", and is kept for a year), one that remembers that you have answered a consultation from this browser (it holds only the consultation’s number and is deleted the day after the consultation closes), and one that keeps staff signed in. That is why we do not ask for consent.',
        ],
      },
      {
        heading: 'Figures we show',
        paragraphs: [
          'Results are only shown combined, and only when at least five people are behind a figure. Fewer answers are shown as “too few responses”. A figure is also hidden when a small number could otherwise be worked out by subtracting two others.',
          'Each figure we show is also adjusted slightly: by at most 2 up or down, using a random key that belongs to exactly the answers or reports the figure counts. The same answers always give the same figure, wherever it is shown, so the adjustment cannot be removed by asking many times or comparing pages. It is the method statistical offices use for tables that users put together themselves. The cost is that totals do not always add up exactly, and a figure can be up to 2 off.',
          'The figures on the map of reports, in Open311 and on the initiative pages come from a release made once a week. When a report is handled, nothing public changes until the next release, so nobody can see which report moved a figure. Each figure says when its release was made. The results of a survey are published once, when it has closed.',
        ],
      },
      {
        heading: 'Data controller',
        paragraphs: [
          'The City of Copenhagen, Center for Sikker By, is the data controller. Because answers are anonymous we cannot find your own answers again. For questions about how personal data is handled, or to complain, write to the city’s data protection officer. You can also complain to the Danish Data Protection Agency (Datatilsynet).',
        ],
        contacts: ['dpo', 'general'],
      },
    ],
  },
  accessibility: {
    title: 'Accessibility statement',
    /** The opening paragraph, as the Agency for Digital Government's WAS tool words it; `site` is the site's address. */
    intro: (site: string) =>
      `The City of Copenhagen is committed to making its website accessible in accordance with the Danish act on the accessibility of public sector bodies' websites and mobile applications. This accessibility statement applies to Tryghed i Indre Nørrebro, ${site}.`,
    status: {
      heading: 'Compliance status',
      text: 'This website is partially compliant with WCAG 2.1 level AA, the standard the act requires, due to the non-compliances listed below.',
    },
    nonAccessible: {
      heading: 'Non-accessible content',
      intro: 'The content listed below is non-accessible for the following reasons:',
      nonComplianceHeading: 'Non-compliance with the legislation',
      nonCompliance: [
        'On very narrow screens (320 pixels wide, or 400 % zoom) the tables on the Results page need sideways scrolling to show every area (WCAG 1.4.10 Reflow). We are working on a view that fits narrow screens.',
      ],
      burdenHeading: 'Disproportionate burden',
      burden: 'We do not claim that making any of the content accessible would be a disproportionate burden.',
      outOfScopeHeading: 'Content not within the scope of the legislation',
      outOfScope:
        'Online maps are exempt from the act. Even so, everything the maps are used for can be done without a map: you can choose a place from a list or type it, and the figures are also given in tables.',
    },
    howMade: {
      heading: 'Preparation of this accessibility statement',
      made: 'This statement was prepared on',
      updated: 'It was last updated on',
      method:
        'The assessment is a self-assessment. Every page is tested automatically for WCAG 2.1 A and AA with the axe tool before a new version of the site goes live, and the pages have been reviewed in a browser on a phone-sized and a desktop screen, with and without JavaScript.',
      built:
        'Everything on the site works without JavaScript. The site works with a keyboard alone, adapts to small screens and magnification, and can be printed.',
    },
    feedback: {
      heading: 'Feedback and contact information',
      text: 'If you find something on the site that you cannot use, or you need information in another form, write to us. We will answer you and fix the problem.',
    },
    enforcement: {
      heading: 'Enforcement procedure',
      text: 'The Danish Agency for Digital Government (Digitaliseringsstyrelsen) supervises the accessibility of public sector websites. If you are not satisfied with our answer, or you get no answer, you can complain to the Agency.',
      link: 'Complain about a website’s accessibility to the Agency for Digital Government (in Danish)',
    },
  },
  /** Contact points (addresses from the configuration, README "Configuration"). */
  contact: {
    heading: 'Contact',
    general: 'Questions for the partnership or about the site',
    dpo: 'The data protection officer, about your personal data',
    accessibility: 'Accessibility: tell us if there is something on the site you cannot use',
  },
  initiatives: {
    title: 'Initiatives',
    intro:
      'These are the partnership’s general initiatives for a safe Inner Nørrebro and the neighbouring areas. Work concerning individuals is confidential and is not described here.',
    filters: 'Filter the initiatives',
    area: 'Area',
    partner: 'Partner',
    status: 'Status',
    all: 'All',
    apply: 'Show initiatives',
    clear: 'Clear filters',
    count: (n: number) => (n === 1 ? '1 initiative' : `${n} initiatives`),
    none: 'No initiatives match the filters.',
    track: 'Track',
    period: 'Period',
    from: (d: string) => `from ${d}`,
    responsible: 'Responsible',
    areas: 'Areas',
    timeline: 'Progress',
    noUpdates: 'No updates have been written yet.',
    updateRetracted: (day: string, reason: string) => `This update was withdrawn on ${day}: ${reason}`,
    updateEdited: (day: string) => `Corrected on ${day} – see the earlier wording`,
    updateEarlier: (happened: string, replaced: string) => `Written for ${happened}, replaced on ${replaced}:`,
    milestones: {
      heading: 'Milestones',
      progress: (done: number, of: number) => `${done} of ${of} milestones reached`,
      states: { planned: 'Planned', in_progress: 'Under way', done: 'Reached', dropped: 'Dropped' },
      doneOn: (d: string) => `reached ${d}`,
      dueOn: (d: string) => `planned for ${d}`,
      feedDone: (title: string) => `Milestone reached: ${title}`,
    },
    events: 'Events in this initiative',
    feed: 'Initiative news (RSS)',
    feedArea: (area: string) => `Initiative news for ${area} (RSS)`,
    reportsHeading: 'Reports that led to this initiative',
    reportsReleased: (day: string) => `Figures from the release of ${day}; each figure is adjusted slightly to protect those who report.`,
    reportsTotal: (n: number) => `${n} reports from residents and businesses are linked to this initiative.`,
    reportsFew: 'Too few reports are linked to this initiative to show figures.',
    reportsFewCell: 'too few',
    reportsCategory: 'Subject',
    reportsCount: 'Reports',
    backToList: 'All initiatives',
    inDanish: 'This text is only available in Danish.',
    tracks: {
      investigative: 'Investigation',
      operational: 'Operational and safety-creating',
      preventive: 'Prevention',
      social: 'Social support',
      urban_renewal: 'Urban renewal',
    },
    statuses: { planned: 'Planned', active: 'Under way', completed: 'Completed' },
  },
  dialogue: {
    heading: 'Questions and comments',
    intro:
      'Ask a question or leave a comment. A member of staff reads everything before it is shown, and answers on behalf of the partnership.',
    none: 'No comments have been published yet.',
    anonymous: 'Anonymous',
    postedOn: 'written',
    replyFrom: (partner: string) => `Reply from ${partner}`,
    formHeading: 'Write a comment',
    name: 'Name (optional)',
    nameHint: 'You can give a first name, a nickname or nothing.',
    body: 'Your comment or question',
    bodyHint: (max: number) => `At most ${max} characters. Do not write names or anything else that could identify people.`,
    honeypot: 'Leave this field empty',
    submit: 'Send for moderation',
    rules:
      'This site is not for reporting crimes. Call 112 in an emergency and 114 for the police otherwise. Information about people is hidden automatically.',
    errors: {
      summary: 'The comment was not sent:',
      bodyMissing: 'Write a comment or a question.',
      bodyTooLong: (max: number) => `The comment can be at most ${max} characters.`,
      nameTooLong: (max: number) => `The name can be at most ${max} characters.`,
      throttled: 'You have sent many comments in a short time. Please wait a little and try again.',
      rejected: 'The comment could not be received.',
    },
    flag: {
      open: 'Flag this comment',
      intro: 'Tell the editors about a comment that should not be here. We store only that it was flagged, and why – nothing about you.',
      reason: 'Why?',
      reasons: {
        personal: 'It points out or describes people',
        offensive: 'It is offensive or threatening',
        crime: 'It reports a crime',
        spam: 'Advertising or spam',
        other: 'Something else',
      },
      submit: 'Send flag',
      done: 'Thank you. The editors will look at the comment.',
      again: 'You have already flagged this comment today. Thank you – the editors will look at it.',
      errors: {
        unknownComment: 'The flag was not saved: the comment does not exist on this page, or it has been removed.',
        badReason: 'The flag was not saved: choose a reason from the list.',
        throttled: 'The flag was not saved: you have flagged many comments in a short time. Please wait a little and try again.',
        flood: 'The flag was not saved: unusually many comments are being flagged right now, so we are not taking more at the moment. Please try again in an hour.',
      },
    },
    takenDown: (reason: string) => `The comment has been removed by the editors: ${reason}.`,
    takedownReasons: {
      personal: 'personal data',
      offensive: 'offensive or threatening content',
      crime: 'a report of a crime (call 114)',
      spam: 'advertising or spam',
      off_topic: 'off topic',
      other: 'a breach of the dialogue rules',
    },
    received: {
      title: 'Thank you – your comment is awaiting moderation',
      text: 'A member of staff reads it before it is shown. This may take a few working days. Any information about people in it has been hidden.',
      notEmergency:
        'Remember: this site is not for reporting crimes or getting urgent help. Call 112 in an emergency and 114 for the police otherwise.',
      back: 'Back to the page',
    },
  },
  map: {
    heading: 'Or put pins on the map',
    map: 'Map of the areas',
    mapHint:
      'Click or tap the map to put a pin. With a keyboard: move the map with the arrow keys, zoom with plus and minus, and put a pin in the centre with the button.',
    addAtCentre: 'Put a pin in the centre of the map',
    zoomIn: 'Zoom in',
    zoomOut: 'Zoom out',
    pins: 'Your pins',
    near: 'near {place}',
    remove: 'Remove',
    added: 'Pin placed near {place}.',
    removed: 'The pin near {place} has been removed.',
    max: 'You can place at most {max} pins.',
    outside: 'That place is outside the areas. Choose a place inside the marked areas.',
    text: 'Or type a place',
    textHint: 'For example a street corner or a passage.',
    /** For a question that takes one place (the report form). */
    one: {
      list: 'Choose the place from the list',
      listHint: 'The list is ordered by area. Type the first letters to find a place.',
      none: 'Not in the list – I will type the place or put a pin',
      heading: 'Or put a pin on the map',
      max: 'You can put one pin. Remove it first if you want to move it.',
      text: 'Or type the place',
    },
  },
  surveys: {
    title: 'Safety surveys',
    /** The start page's list of the languages a survey can be answered in. */
    offeredIn: 'You can answer in:',
    /** On a survey's start page when its questionnaire has no finished translation into the page's language. */
    notInLanguage: 'The questions are not available in this language yet. You can answer in one of the languages below.',
    /** Put before a question page's title in the browser tab when the page shows errors. */
    errorTitlePrefix: 'Error: ',
    intro:
      'Tell us anonymously how safe you feel. Your answers are only shown combined with others, and only when at least five people have answered.',
    none: 'There are no open surveys right now.',
    closes: (date: string) => `Open until ${date}`,
    answer: 'Answer the survey',
    start: 'Start',
    continue: 'Continue where you left off',
    startOver: 'Start again',
    code: 'Your code from the letter',
    codeHint: 'The code is in the letter, e.g. ABCD-EFGH.',
    codeOptionalHint: 'If you received a letter with a code, enter it here. Otherwise leave the field empty.',
    closed: 'The survey is closed. Thank you for your interest.',
    notYetOpen: 'The survey is not open yet.',
    anonymous:
      'You are anonymous. We do not store your IP address or anything else that could link the answers to you. A cookie remembers your answers while you fill in the survey (for at most 48 hours).',
    progress: (page: number, pages: number) => `Page ${page} of ${pages}`,
    required: 'required',
    next: 'Next page',
    revealed: (n: number) => (n === 1 ? 'Your answer opened a new question on this page. Answer it, then press the button at the bottom.' : `Your answer opened ${n} new questions on this page. Answer them, then press the button at the bottom.`),
    back: 'Previous page',
    submit: 'Send my answers',
    dontKnow: 'Don’t know',
    noneOfThese: 'None of these',
    preferNot: 'Prefer not to say',
    noArea: 'I do not live or work in any of the areas',
    characters: (max: number) => `At most ${max} characters.`,
    numberRange: (min: number, max: number) => `A number from ${min} to ${max}.`,
    honeypot: 'Leave this field empty',
    errorSummary: 'Some answers are missing or need correcting:',
    errors: {
      required: 'Please answer the question.',
      unknown_option: 'Choose one of the answers offered.',
      out_of_range: 'The number is outside the allowed range.',
      not_a_number: 'Enter a whole number, e.g. 5.',
      too_long: 'The text is too long.',
      too_many: 'You have chosen too many.',
      exclusive_answer: '“None of these”, “Don’t know” and “Prefer not to say” cannot be chosen together with other answers.',
      incomplete_matrix: 'Please answer every line.',
      outside_areas: 'One of the places is outside the areas.',
      code_invalid: 'That code does not exist. Check that you typed it as in the letter.',
      code_used: 'That code has already been used. Each code works once.',
      code_required: 'This survey needs a code from the letter.',
      closed: 'The survey is closed, so the answers cannot be sent.',
      expired: 'Your answers have expired (after 24 hours). Please start again.',
      throttled: 'Many answers have been started from here in a short time. Please wait a little and try again.',
    },
    thanks: {
      title: 'Thank you for your answers',
      text: 'Your answers have been stored anonymously. The results will be published when the survey has closed.',
      initiatives: 'See what the partnership is doing in the area',
    },
  },
  errors: {
    notFoundTitle: 'Page not found',
    notFoundText: 'We cannot find the page you are looking for. The address may be mistyped, or the page may have moved.',
    serverErrorTitle: 'Something went wrong',
    serverErrorText: 'Something went wrong on our side. Please try again shortly. Anything you sent before the error has not been lost.',
    backHome: 'Go to the home page',
  },
};

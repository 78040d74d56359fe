/** English text of the retention schedule on /privatliv (see retention-da.ts). */
import type { PeriodUnit } from '../domain.ts';
import type { retentionDa } from './retention-da.ts';

const UNITS: Record<PeriodUnit, [string, string]> = {
  hours: ['hour', 'hours'],
  days: ['day', 'days'],
  months: ['month', 'months'],
  years: ['year', 'years'],
};

export const retentionEn: typeof retentionDa = {
  heading: 'What we keep, and for how long',
  intro:
    'This is deleted automatically. The periods are the ones the site actually uses: once a day the server deletes what has become too old.',
  what: 'What',
  howLong: 'How long',
  caption: 'How long each kind of information is kept',
  period: (p) => `${p.n} ${UNITS[p.unit][p.n === 1 ? 0 : 1]}`,
  rules: {
    report_email: {
      what: 'Your e-mail address, if you asked to hear about a report, and a business\'s number for a call back',
      when: () => 'Deleted as soon as the report is closed.',
    },
    report_details: {
      what: 'The description in a report, the exact place and a place you typed yourself',
      when: (p) =>
        `${p} after the report was closed. After that only the category, area, day, time of day and status remain, and the place is only the hexagon of about 0.1 km² that the map shows. The report still counts in the map's figures.`,
    },
    rejected_reports: {
      what: 'A report that was rejected (for example because it is not about safety)',
      when: (p) => `Deleted entirely ${p} after it was rejected.`,
    },
    report_outbox: {
      what: 'A message to you about your report, waiting to be sent',
      when: (p) => `Deleted once sent, and at the latest ${p} after it was queued.`,
    },
    report_submissions: {
      what: 'A one-time mark from the report form, so the same report is not stored twice',
      when: (p) => `At most ${p}.`,
    },
    subscriptions_unconfirmed: {
      what: 'Your e-mail address, if you asked for a subscription but did not confirm it',
      when: (p) => `At most ${p}.`,
    },
    subscription_outbox: {
      what: 'An e-mail to you about your subscription, waiting to be sent',
      when: (p) => `Deleted once sent, and at the latest ${p} after it was queued.`,
    },
    survey_drafts: {
      what: 'Your answers while you fill in a survey (encrypted)',
      when: (p) => `At most ${p}.`,
    },
    comments_approved: {
      what: 'Comments and questions that were approved and shown, with the replies to them',
      when: (p) => `As long as the initiative runs, and ${p} after the initiative, event or consultation has ended.`,
    },
    comments_rejected: {
      what: 'Comments a moderator rejected',
      when: (p) => `${p} after they were rejected.`,
    },
    event_signups: {
      what: 'Your sign-up for an event (the number of people, your e-mail if you gave it, and a fingerprint of the cancel link)',
      when: () => 'Deleted when the event is over, when it is cancelled, or when you cancel. Only the number signed up is kept.',
    },
    event_outbox: {
      what: 'An e-mail about your sign-up (confirmation or cancellation) waiting to be sent',
      when: (p) => `Deleted once sent, and at the latest ${p} after it was queued.`,
    },
    comments_pending: {
      what: 'Comments no moderator has approved or rejected',
      when: (p) => `${p} after they were written.`,
    },
    throttle_hits: {
      what: 'Counters that limit how much can be sent from one place in a short time (a key, not your IP address)',
      when: (p) => `At most ${p}.`,
    },
    sessions: {
      what: "Staff members' sign-ins",
      when: (p) => `At most ${p}.`,
    },
    audit_log: {
      what: "The log of staff members' actions (who did what, when)",
      when: (p) =>
        `${p}. It is the staff's accountability record, so that who for example rejected a report can be checked, also in a complaint or an audit some years later.`,
    },
  },
  subscriptions: {
    what: 'Your e-mail address, when you subscribe to news (encrypted)',
    when: 'As long as you subscribe. It is deleted when you unsubscribe with the link in every e-mail, or when the initiative or area you follow is deleted.',
  },
  responses: {
    what: 'Answers to surveys',
    when: 'Kept as statistics, so that the surveys can be compared from year to year. The answers are anonymous and cannot be traced back to you.',
  },
};

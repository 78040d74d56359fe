/** English strings for e-mail subscriptions (merged into the catalogue as `subscriptions`). */
import type { SubscriptionsMessages } from './subscriptions-da.ts';

export const subscriptionsEn: SubscriptionsMessages = {
  title: 'Get news by e-mail',
  intro:
    'Get one combined e-mail, at most once a day, when there is news: new initiatives and updates in an area, news about one initiative, new events, or published results of the safety surveys.',
  privacy:
    'We use your e-mail address for this alone. It is stored encrypted and deleted when you unsubscribe (every e-mail has an unsubscribe link). If you do not confirm within a day, it is deleted too (after 48 hours at the most).',
  formHeading: 'Subscribe to news',
  embedHeading: 'Get news by e-mail',
  topicLegend: 'What would you like to hear about?',
  topics: {
    area: 'New initiatives and updates in an area',
    initiative: 'News about this initiative',
    events: 'New events',
    results: 'New results of the safety surveys',
  },
  area: 'Area',
  chooseArea: 'Choose an area',
  email: 'Your e-mail address',
  emailHint: 'You will get an e-mail with a link to click to confirm.',
  submit: 'Subscribe',
  honeypot: 'Leave this field empty',
  sentHeading: 'Check your e-mail',
  sent: 'If the address can receive e-mail, you will shortly get an e-mail with a link. The subscription starts only once you have followed the link and confirmed. The link works for at least 24 hours.',
  more: 'See everything you can subscribe to',
  errors: {
    emailMissing: 'Enter your e-mail address.',
    emailInvalid: 'The e-mail address does not look right. Write it as name@example.com.',
    topicMissing: 'Choose what you would like to hear about.',
    areaMissing: 'Choose an area.',
    unknownTarget: 'What you tried to subscribe to does not exist (any more). Please choose again.',
    throttled: 'You have asked for many subscriptions in a short time. Please wait a little and try again.',
    flood: 'Unusually many subscriptions are being requested right now, so we are pausing. Please try again in an hour.',
    errorSummary: 'Something needs fixing:',
  },
  confirm: {
    title: 'Confirm your subscription',
    intro: (what: string): string => `You are about to subscribe to: ${what}.`,
    button: 'Confirm the subscription',
    doneTitle: 'Your subscription is confirmed',
    done: (what: string): string => `You will now get one combined e-mail when there is news about: ${what}. Every e-mail has a link to unsubscribe.`,
    alreadyTitle: 'The subscription is already confirmed',
    already: 'You have already confirmed this subscription. There is nothing more to do.',
    expiredTitle: 'The link has expired',
    expired: 'The link is too old, and your e-mail address has now been deleted. You can subscribe again to get a new link.',
    unknownTitle: 'The link does not work',
    unknown: 'The link is unknown: it may be mistyped, or the subscription was cancelled or expired and so deleted. You can subscribe again.',
    again: 'Subscribe again',
  },
  unsubscribe: {
    title: 'Unsubscribe',
    intro: (what: string): string => `Do you want to cancel your subscription to: ${what}? Your e-mail address will be deleted.`,
    button: 'Unsubscribe',
    doneTitle: 'You are unsubscribed',
    done: 'The subscription and your e-mail address have been deleted. You will get no more e-mails from us about it.',
    unknownTitle: 'The link does not work',
    unknown: 'The unsubscribe link is unknown: either you have already unsubscribed (and your address is deleted), or the link is mistyped.',
    throttled: 'Many unknown links have been tried from here in a short time. Please wait a little and try again.',
  },
  what: {
    area: (name: string): string => `new initiatives and updates in ${name}`,
    initiative: (title: string): string => `the initiative “${title}”`,
    events: 'new events',
    results: 'new results of the safety surveys',
  },
  mail: {
    confirmSubject: 'Confirm your subscription to Safety in Inner Nørrebro',
    confirmBody: (what: string, url: string): string =>
      [
        `Someone (hopefully you) asked for news by e-mail about: ${what}.`,
        '',
        'Follow the link to confirm (it works for at least 24 hours):',
        url,
        '',
        'If you did not ask for this, do nothing: without confirmation we delete the address within 48 hours and you will not hear from us again.',
      ].join('\n'),
    alreadySubject: 'You are already subscribed',
    alreadyBody: (what: string): string =>
      [`Someone (hopefully you) asked for news by e-mail about: ${what}.`, '', 'You are already subscribed to it, so there is nothing to do.'].join('\n'),
    digestSubject: (n: number): string => `News from Safety in Inner Nørrebro: ${n} ${n === 1 ? 'item' : 'items'}`,
    digestIntro: (what: string): string => `Here is what is new since last time about: ${what}.`,
    items: {
      initiative: 'New initiative',
      update: 'Update',
      milestone: 'Milestone reached',
      event: 'New event',
      results: 'Results published',
    },
    footer: (url: string): string =>
      ['—', 'You get this e-mail because you subscribed at Safety in Inner Nørrebro. We use the address for this alone.', `Unsubscribe with one click: ${url}`].join('\n'),
  },
};

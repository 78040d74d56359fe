/** English strings for events (same shape as events-da.ts). */
import type { EventsMessages } from './events-da.ts';

export const eventsEn: EventsMessages = {
  title: 'Events',
  intro:
    'Meet the police, the city and your neighbours at citizen meetings, safety walks and office hours in Inner Nørrebro and the neighbouring areas. Everyone is welcome.',
  upcoming: 'Upcoming events',
  past: 'Past events',
  noUpcoming: 'There are no upcoming events right now. Check back later, or subscribe to the calendar.',
  noPast: 'There have been no events yet.',
  subscribe: 'Subscribe to all events in your calendar',
  subscribeHint:
    'The link is a calendar in iCalendar format. Add it to your calendar app as a subscription, and new events will appear automatically.',
  calendarName: 'Events · Safety in Inner Nørrebro',
  feedTitle: 'All events (iCalendar)',
  kind: 'Type',
  when: 'When',
  place: 'Place',
  area: 'Area',
  organiser: 'Organiser',
  point: 'Map point',
  coordinates: (lat: string, lon: string) => `latitude ${lat}, longitude ${lon}`,
  initiative: 'Part of the initiative',
  about: 'About the event',
  download: 'Add the event to your calendar (.ics file)',
  ended: 'This event has ended.',
  inDanish: 'This text is only available in Danish.',
  backToList: 'All events',
  kinds: {
    citizen_meeting: 'Citizen meeting',
    safety_walk: 'Safety walk',
    office_hours: 'Office hours',
    other: 'Event',
  },
};

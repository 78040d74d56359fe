/** English strings for events (same shape as events-da.ts). */
import type { EventsMessages } from './events-da.ts';

export const eventsEn: EventsMessages = {
  title: 'Events',
};

/** Danish strings for events (merged into the catalogue as `events`). */
export const eventsDa = {
  title: 'Events',
};

export type EventsMessages = typeof eventsDa;

/**
 * The editors' forms for an event's sign-up, cancellation and minutes
 * (src/pages/staff/events/[id].astro): plain functions from the posted
 * values to an input or the fields' errors. No I/O.
 */
import type { PlaceBook } from './places.ts';

/** As in src/server/content/event-signups.ts (kept here so this module stays free of server code). */
export const CAPACITY_MAX = 10_000;
export const CANCEL_NOTE_MAX = 1000;
export const MINUTES_MAX = 20_000;

export type Parsed<T, E extends string> = { ok: true; input: T } | { ok: false; errors: Partial<Record<string, E>> };

/** Sign-up on/off and a capacity ('' = no limit). */
export function parseSignupSettings(values: { open: boolean; capacity: string }): Parsed<{ open: boolean; capacity: number | null }, 'capacity'> {
  const text = values.capacity.replace(/[\s.]/g, '');
  if (text === '') return { ok: true, input: { open: values.open, capacity: null } };
  if (!/^\d{1,5}$/.test(text) || Number(text) < 1 || Number(text) > CAPACITY_MAX) return { ok: false, errors: { capacity: 'capacity' } };
  return { ok: true, input: { open: values.open, capacity: Number(text) } };
}

/** A cancellation: the confirming tick and the optional public notes. */
export function parseCancellation(values: { confirm: boolean; noteDa: string; noteEn: string }): Parsed<{ noteDa: string | null; noteEn: string | null }, 'confirm' | 'noteTooLong'> {
  const errors: Partial<Record<string, 'confirm' | 'noteTooLong'>> = {};
  if (!values.confirm) errors['confirm'] = 'confirm';
  if ([...values.noteDa].length > CANCEL_NOTE_MAX) errors['noteDa'] = 'noteTooLong';
  if ([...values.noteEn].length > CANCEL_NOTE_MAX) errors['noteEn'] = 'noteTooLong';
  if (Object.keys(errors).length > 0) return { ok: false, errors };
  return { ok: true, input: { noteDa: values.noteDa || null, noteEn: values.noteEn || null } };
}

/**
 * Minutes: Danish text required, English optional, places from the named
 * places only (each once, in list order; a retired place the minutes
 * already named may stay).
 */
export function parseMinutes(values: { bodyDa: string; bodyEn: string; places: string[] }, known: PlaceBook): Parsed<{ bodyDa: string; bodyEn: string | null; places: string[] }, 'bodyMissing' | 'bodyTooLong' | 'places'> {
  const errors: Partial<Record<string, 'bodyMissing' | 'bodyTooLong' | 'places'>> = {};
  if (values.bodyDa === '') errors['bodyDa'] = 'bodyMissing';
  else if ([...values.bodyDa].length > MINUTES_MAX) errors['bodyDa'] = 'bodyTooLong';
  if ([...values.bodyEn].length > MINUTES_MAX) errors['bodyEn'] = 'bodyTooLong';
  if (values.places.some((id) => !known.find(id))) errors['places'] = 'places';
  if (Object.keys(errors).length > 0) return { ok: false, errors };
  const chosen = new Set(values.places);
  return { ok: true, input: { bodyDa: values.bodyDa, bodyEn: values.bodyEn || null, places: known.all.filter((p) => chosen.has(p.id)).map((p) => p.id) } };
}

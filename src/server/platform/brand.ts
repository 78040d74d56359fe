/**
 * The partnership's marks (README "Identity"): logos the operator puts in the
 * folder BRAND_DIR, served from our own origin at /brand/<file> (never from
 * a partner's site: no third-party requests), and the footer's list of
 * partners with their mark or, without one, their name in text.
 *
 * A file is taken when its name is `<partner slug>.svg|png|webp` or
 * `site.svg|png|webp` (the header's mark) and it is at most MAX_MARK_BYTES;
 * anything else in the folder is ignored, and the log says so. The folder is
 * read once, at the first use after start: restart after changing it.
 */
import { readdirSync, readFileSync, statSync } from 'node:fs';
import { join } from 'node:path';
import { listPartners } from '../partnership/partners.ts';
import { config } from './config.ts';
import { db } from '../db/index.ts';
import type { Queryable } from '../db/connection.ts';
import { logger } from './logger.ts';

export const MARK_TYPES = { svg: 'image/svg+xml', png: 'image/png', webp: 'image/webp' } as const;
export const MAX_MARK_BYTES = 200 * 1024;
/** `<name>.<ext>`: a slug (as partners' slugs are) and a known image type. */
const MARK_FILE = /^([a-z0-9][a-z0-9-]{0,62})\.(svg|png|webp)$/;

export interface Mark {
  /** The file's name, also its path under /brand/. */
  file: string;
  type: (typeof MARK_TYPES)[keyof typeof MARK_TYPES];
  bytes: Buffer;
}

/** Reads a folder of marks: by name (slug or `site`), the accepted files, and what was skipped and why. */
export function readMarks(dir: string): { marks: Map<string, Mark>; skipped: string[] } {
  const marks = new Map<string, Mark>();
  const skipped: string[] = [];
  for (const file of readdirSync(dir).sort()) {
    const match = MARK_FILE.exec(file);
    const path = join(dir, file);
    if (!match) {
      skipped.push(`${file}: not <slug>.svg, .png or .webp`);
      continue;
    }
    const stat = statSync(path);
    if (!stat.isFile()) skipped.push(`${file}: not a file`);
    else if (stat.size > MAX_MARK_BYTES) skipped.push(`${file}: larger than ${MAX_MARK_BYTES / 1024} KB`);
    else if (marks.has(match[1]!)) skipped.push(`${file}: a second mark for ${match[1]}`);
    else marks.set(match[1]!, { file, type: MARK_TYPES[match[2] as keyof typeof MARK_TYPES], bytes: readFileSync(path) });
  }
  return { marks, skipped };
}

let loaded: Map<string, Mark> | undefined;

/** The configured marks by name, read once. */
function marks(): Map<string, Mark> {
  if (!loaded) {
    const dir = config().brandDir;
    if (!dir) loaded = new Map();
    else {
      const read = readMarks(dir);
      loaded = read.marks;
      for (const reason of read.skipped) logger.warn({ event: 'brand_file_skipped' }, `BRAND_DIR: ${reason}`);
    }
  }
  return loaded;
}

/** The mark served at /brand/<file>, if the folder has it. */
export function markByFile(file: string): Mark | undefined {
  const match = MARK_FILE.exec(file);
  const mark = match ? marks().get(match[1]!) : undefined;
  return mark?.file === file ? mark : undefined;
}

/** The URL of the header's mark (`site.*`), or null. */
export function siteMarkUrl(): string | null {
  const mark = marks().get('site');
  return mark ? `/brand/${mark.file}` : null;
}

export interface PartnerMark {
  nameDa: string;
  nameEn: string;
  /** The mark's URL on our origin, or null: the name is shown in text. */
  mark: string | null;
}

/**
 * The partners in their display order, each with its mark if the folder has
 * one. Read on every call (a few rows): every page's footer shows them, and
 * kept pages are stamped with the same list (page-cache.ts), so a renamed
 * partner is in the next page, kept or rendered.
 */
export async function partnerMarks(q: Queryable = db()): Promise<PartnerMark[]> {
  return (await listPartners(q)).map((p) => {
    const mark = marks().get(p.slug);
    return { nameDa: p.nameDa, nameEn: p.nameEn, mark: mark ? `/brand/${mark.file}` : null };
  });
}

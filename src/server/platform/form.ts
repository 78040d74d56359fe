/** Reading posted forms safely: a body that is not a form is a 400/415, never a 500. */

export type FormRead = { ok: true; form: FormData } | { ok: false; status: 400 | 413 | 415 };

/** Largest form body accepted (bytes). Larger bodies get 413 before parsing. */
export const FORM_BODY_LIMIT = 64 * 1024;

export async function readForm(request: Request, limit = FORM_BODY_LIMIT): Promise<FormRead> {
  const type = request.headers.get('content-type') ?? '';
  if (!type.startsWith('application/x-www-form-urlencoded') && !type.startsWith('multipart/form-data')) {
    return { ok: false, status: 415 };
  }
  const length = Number(request.headers.get('content-length') ?? '0');
  if (length > limit) return { ok: false, status: 413 };
  try {
    const body = await readLimited(request, limit);
    if (body === null) return { ok: false, status: 413 };
    const form = await new Response(body, { headers: { 'content-type': type } }).formData();
    return { ok: true, form };
  } catch {
    return { ok: false, status: 400 };
  }
}

/**
 * The body, read as a stream and abandoned as soon as it passes the limit,
 * so a chunked upload without Content-Length cannot fill the memory. Null
 * when it is too large.
 */
async function readLimited(request: Request, limit: number): Promise<Uint8Array<ArrayBuffer> | null> {
  if (!request.body) return new Uint8Array(new ArrayBuffer(0));
  const reader = request.body.getReader();
  const chunks: Uint8Array[] = [];
  let size = 0;
  for (;;) {
    const { done, value } = await reader.read();
    if (done) break;
    size += value.byteLength;
    if (size > limit) {
      await reader.cancel();
      return null;
    }
    chunks.push(value);
  }
  const out = new Uint8Array(new ArrayBuffer(size));
  let offset = 0;
  for (const c of chunks) {
    out.set(c, offset);
    offset += c.byteLength;
  }
  return out;
}

/** A single text field, trimmed; '' when missing or not text. */
export function field(form: FormData, name: string): string {
  const v = form.get(name);
  return typeof v === 'string' ? cleanText(v) : '';
}

/**
 * Text as typed, without control characters (other than tab and line
 * breaks) and surrounding space. A NUL would cut SQLite's length() short and
 * slip past a CHECK; nobody types one on purpose.
 */
export function cleanText(value: string): string {
  return value.replace(/[\u0000-\u0008\u000B\u000C\u000E-\u001F\u007F]/g, '').trim();
}

/**
 * Where to go after signing in: only a staff path on this site, so the
 * `next` parameter cannot be used to send someone elsewhere.
 */
export function safeStaffNext(next: string | null | undefined, fallback: string): string {
  if (next && /^\/(en\/)?staff(\/[a-z0-9/_-]*)?$/.test(next)) return next;
  return fallback;
}

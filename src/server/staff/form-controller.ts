/**
 * The one shape of the staff editors' POSTs (events, initiatives,
 * consultations, the survey builder): read the posted form (a body that is
 * not a form is answered with its own status), tell the page's small forms
 * apart by `intent`, and store checked input unless its public text holds
 * personal data the editor has not confirmed. The page then redirects back
 * with `?done=…` (post/redirect/get), read again by `doneNotice`, or shows
 * the form again with its errors. What a page reads, checks, stores and
 * says stays in the page.
 */
import { EDITOR_FORM_LIMIT } from '../../lib/editor-forms.ts';
import { personalDataKinds, type PiiKind } from '../../lib/pii.ts';
import { readForm } from '../platform/form.ts';

/** A form's check: its input, or its errors (the editors', consultations' and builder's `parse…` all give this). */
export type Checked<T, E> = { ok: true; input: T } | { ok: false; errors: E };

/** What `saveChecked` did: stored (with what the store said), or nothing, with the errors or the personal data to confirm. */
export type Saved<R, E> = { saved: true; result: R } | { saved: false; errors: Partial<E>; pii: PiiKind[] };

export interface EditorPost<I extends string> {
  form: FormData;
  /** The posted `intent` when it is one of the page's; undefined otherwise (the page says the request is invalid). */
  intent: I | undefined;
  /** The kinds of personal data in these texts, or none when the editor has confirmed them (`piiConfirm=yes`). */
  unconfirmedPii(...texts: (string | null | undefined)[]): PiiKind[];
  /**
   * Checked input is stored by `save` unless the texts `published` picks
   * from it hold personal data not confirmed; invalid input is not stored.
   */
  saveChecked<T, E, R>(checked: Checked<T, E>, published: (input: T) => (string | null | undefined)[], save: (input: T) => Promise<R>): Promise<Saved<R, E>>;
}

/** An editor's posted form (up to EDITOR_FORM_LIMIT), or the response to give when it is not one (400, 413, 415). */
export async function readEditorPost<I extends string = never>(request: Request, intents: readonly I[] = []): Promise<EditorPost<I> | Response> {
  const read = await readForm(request, EDITOR_FORM_LIMIT);
  if (!read.ok) return new Response(null, { status: read.status });
  const { form } = read;
  const posted = form.get('intent');
  const confirmed = form.get('piiConfirm') === 'yes';
  const unconfirmedPii = (...texts: (string | null | undefined)[]): PiiKind[] => (confirmed ? [] : personalDataKinds(...texts));
  return {
    form,
    intent: intents.find((i) => i === posted),
    unconfirmedPii,
    async saveChecked(checked, published, save) {
      if (!checked.ok) return { saved: false, errors: checked.errors, pii: [] };
      const pii = unconfirmedPii(...published(checked.input));
      if (pii.length > 0) return { saved: false, errors: {}, pii };
      return { saved: true, result: await save(checked.input) };
    },
  };
}

/** The `?done=…` a redirect after a POST came back with, when it is one the page knows (shown as a notice on GET only). */
export function doneNotice<D extends string>(request: Request, url: URL, done: readonly D[]): D | undefined {
  if (request.method !== 'GET') return undefined;
  const value = url.searchParams.get('done');
  return done.find((d) => d === value);
}

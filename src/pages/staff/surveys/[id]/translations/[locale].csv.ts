/** GET: a wave's questionnaire in one language as a spreadsheet for a translator (src/lib/survey/translation-csv.ts). */
import type { APIRoute } from 'astro';
import { parseId } from '../../../../../lib/editor-forms.ts';
import { can } from '../../../../../lib/permissions.ts';
import { translationCsv } from '../../../../../lib/survey/translation-csv.ts';
import { sourceTexts } from '../../../../../lib/survey/translation.ts';
import { db } from '../../../../../server/db/index.ts';
import { findSurvey } from '../../../../../server/surveys/surveys.ts';
import { isTranslationLocale, loadTranslation } from '../../../../../server/surveys/translations.ts';

export const GET: APIRoute = async ({ locals, params }) => {
  if (!locals.staff || !can(locals.staff.user.role, 'surveys.edit')) return new Response(null, { status: 403 });
  const id = parseId(params['id']);
  const locale = params['locale'];
  const found = id === null ? undefined : await findSurvey(db(), id);
  if (!found || !isTranslationLocale(locale)) return new Response(null, { status: 404 });
  const kept = await loadTranslation(db(), found.survey.id, locale);
  const csv = translationCsv(sourceTexts(found.survey, found.pages), kept?.texts ?? {}, locale);
  return new Response(csv, {
    headers: {
      'Content-Type': 'text/csv; charset=utf-8',
      'Content-Disposition': `attachment; filename="oversaettelse-${found.survey.slug}-${locale}.csv"`,
      'Cache-Control': 'no-store',
    },
  });
};

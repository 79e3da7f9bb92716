import type { PublishedTotalRow } from '@/db/queries/published-totals';
import { PUBLISHED_COUNT_FIELDS, type PublishedCountField } from '@/lib/validation/published-totals';

// Shared by the announcement pages (server) and the form (client).

/** The announcement form's values, as its inputs hold them (text). */
export type PublishedTotalFormValues = Record<'announcedOn' | PublishedCountField | 'sourceTitle' | 'sourceUrl' | 'note', string>;

/** The form of a stored announcement (a count it does not give stays empty), or an empty form for `null`. */
export function publishedTotalValues(row: PublishedTotalRow | null): PublishedTotalFormValues {
  const counts = Object.fromEntries(PUBLISHED_COUNT_FIELDS.map((f) => [f, row?.[f] === null || row?.[f] === undefined ? '' : String(row[f])]));
  return {
    announcedOn: row?.announcedOn ?? '',
    ...(counts as Record<PublishedCountField, string>),
    sourceTitle: row?.sourceTitle ?? '',
    sourceUrl: row?.sourceUrl ?? '',
    note: row?.note ?? '',
  };
}

import { sql, type AnyColumn, type SQL } from 'drizzle-orm';
import { slugify } from '../../lib/slug';
import { localityNames } from '../schema';

// Search by any name a locality has had: pieces of SQL the staff list and the public directory put in their one
// query, correlated with the locality column they are given (an exists subquery, never a query per row).

/** How long after a name went out of use the lists still show it beside the current one ("formerly ..."). */
export const RECENT_NAME_YEARS = 15;

/** Escapes LIKE wildcards so a search for "50%" means the characters, not a pattern. */
function likeEscape(text: string): string {
  return text.replace(/[\\%_]/g, (c) => `\\${c}`);
}

/** Whether a former name of the locality matches `term`: English or Chinese containing it, or its folded form. */
function nameMatches(term: string): SQL {
  const folded = slugify(term);
  const pattern = `%${likeEscape(term)}%`;
  return folded
    ? sql`(${localityNames.nameEn} ilike ${pattern} or ${localityNames.nameZh} ilike ${pattern} or ${localityNames.folded} like ${`%${likeEscape(folded)}%`})`
    : sql`(${localityNames.nameEn} ilike ${pattern} or ${localityNames.nameZh} ilike ${pattern})`;
}

/** True when one of the former names of the locality `localityId` stands for matches `term`. */
export function formerNameMatch(localityId: AnyColumn, term: string): SQL {
  return sql`exists (select 1 from ${localityNames} where ${localityNames.localityId} = ${localityId} and ${nameMatches(term)})`;
}

/**
 * The former name to show beside the locality's current one, as `{ nameEn, nameZh }` or null: the one `term`
 * matched when there is a term and a match, else the latest one out of use within RECENT_NAME_YEARS.
 */
export function formerNameShown(localityId: AnyColumn, term: string): SQL<{ nameEn: string; nameZh: string | null } | null> {
  const recent = sql`${localityNames.usedUntil} >= current_date - ${sql.raw(`interval '${RECENT_NAME_YEARS} years'`)}`;
  // PostgreSQL refuses a constant in ORDER BY, so the "matched first" key is there only with a term.
  const matched = term ? nameMatches(term) : null;
  return sql<{ nameEn: string; nameZh: string | null } | null>`(
    select json_build_object('nameEn', ${localityNames.nameEn}, 'nameZh', ${localityNames.nameZh})
    from ${localityNames}
    where ${localityNames.localityId} = ${localityId}
      and ${matched ? sql`(${matched} or ${recent})` : recent}
    order by ${matched ? sql`${matched} desc, ` : sql``}${localityNames.usedUntil} desc nulls last, ${localityNames.createdAt} desc
    limit 1
  )`;
}

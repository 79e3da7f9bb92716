import 'server-only';
import { and, asc, eq, ilike, isNull, like, or, sql } from 'drizzle-orm';
import { slugify } from '../../lib/slug';
import type { PartnershipType } from '../../lib/domain';
import type { Executor } from '../client';
import { db } from '../index';
import { localities, partnerships } from '../schema';
import { formerNameMatch, formerNameShown } from './former-names';

export interface DirectoryPartner {
  slug: string;
  nameEn: string;
  nameZh: string | null;
  countryCode: string;
  type: PartnershipType;
  establishedYear: number | null;
  /** A former name to show beside the name: the one `q` matched, or a recent one; null when none. */
  formerName: { nameEn: string; nameZh: string | null } | null;
}

/** Escapes LIKE wildcards so a search for "50%" means the characters, not a pattern. */
function likeEscape(text: string): string {
  return text.replace(/[\\%_]/g, (c) => `\\${c}`);
}

/**
 * Public partners of a home locality, by English name; `q` matches either name, current or former, accents
 * ignored ("Lodz" finds Łódź, "dnipropetrovsk" finds Dnipro). Only public, live partnerships of live localities. Anyone may call it.
 */
export async function listDirectoryPartners(
  homeLocalityId: string,
  q?: string,
  executor: Executor = db,
): Promise<DirectoryPartner[]> {
  const term = q?.trim().slice(0, 100) ?? '';
  const folded = slugify(term);
  const search = term
    ? or(
        ilike(localities.nameEn, `%${likeEscape(term)}%`),
        ilike(localities.nameZh, `%${likeEscape(term)}%`),
        folded ? like(localities.slug, `%${likeEscape(folded)}%`) : undefined,
        formerNameMatch(localities.id, term),
      )
    : undefined;
  return executor
    .select({
      slug: partnerships.slug,
      nameEn: localities.nameEn,
      nameZh: localities.nameZh,
      countryCode: localities.countryCode,
      type: partnerships.type,
      establishedYear: sql<number | null>`extract(year from ${partnerships.establishedOn})::int`,
      formerName: formerNameShown(localities.id, term),
    })
    .from(partnerships)
    .innerJoin(localities, eq(localities.id, partnerships.partnerLocalityId))
    .where(
      and(
        eq(partnerships.homeLocalityId, homeLocalityId),
        eq(partnerships.isPublic, true),
        isNull(partnerships.deletedAt),
        isNull(localities.deletedAt),
        search,
      ),
    )
    .orderBy(asc(localities.nameEn));
}

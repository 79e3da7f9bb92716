import 'server-only';
import { cache } from 'react';
import { db } from '../index';
import { publicCache } from '../../lib/cache/public-data';
import { PUBLIC_SLUG, queryPublicPartner, type PublicPartnerProfile } from './public-partner-core';

export type { PublicActivity, PublicAgreement, PublicPartnerProfile, PublicTie } from './public-partner-core';

/**
 * The public profile of home locality `homeLocalityId`'s partnership `slug` (partnerships.slug, the directory's
 * key), or null for an unknown, malformed, internal or deleted one and for another home's tie. Public fields of
 * public, live records only (see queryPublicPartner). Anyone may call it. Read from the public cache
 * (lib/cache/public-data.ts) and memoised for the request: the page and its metadata both ask.
 */
export const getPublicPartner = cache(async (homeLocalityId: string, slug: string): Promise<PublicPartnerProfile | null> => {
  // A malformed slug never takes a cache entry.
  if (!PUBLIC_SLUG.test(slug)) return null;
  return readPublicPartner(homeLocalityId, slug);
});

async function readPublicPartner(homeLocalityId: string, slug: string): Promise<PublicPartnerProfile | null> {
  'use cache';
  publicCache();
  return queryPublicPartner(db, homeLocalityId, slug);
}

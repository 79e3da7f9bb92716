import 'server-only';
import { notFound } from 'next/navigation';
import { z } from 'zod';
import { getPartnership } from '@/db/queries/partnerships';

/** The live partnership of the URL for the agreement pages, or a 404 (a malformed id never reaches SQL). */
export async function loadLivePartnership(id: string) {
  if (!z.uuid().safeParse(id).success) notFound();
  const p = await getPartnership(id);
  if (!p || p.deletedAt) notFound();
  return p;
}

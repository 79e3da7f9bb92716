import type { PublicPartnerProfile } from '@/db/queries/public-partner';
import type { Locale } from '@/lib/i18n/routing';

/** The home locality and the partner on a small map; drawn once the shared network map (components/map) exists. */
export async function PartnerMap(_props: { profile: PublicPartnerProfile; locale: Locale }) {
  return null;
}

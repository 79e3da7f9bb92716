import { getTranslations } from 'next-intl/server';
import { NetworkMap } from '@/components/map/network-map';
import type { PublicPartnerProfile } from '@/db/queries/public-partner';
import { localizedHref } from '@/lib/i18n/paths';
import { localizedName } from '@/lib/i18n/names';
import { LANGUAGE_TAG, type Locale } from '@/lib/i18n/routing';

/**
 * The home locality and this partner on a small world map (the shared server-rendered SVG, no tiles, no script),
 * the arc between them coloured by the type of tie. A partner without coordinates is said so under the map.
 */
export async function PartnerMap({ profile: p, locale }: { profile: PublicPartnerProfile; locale: Locale }) {
  const t = await getTranslations('partnerPage');
  const name = localizedName(p.partner, locale);
  const home = localizedName(p.home, locale);
  return (
    <section aria-labelledby="map" className="space-y-3">
      <h2 id="map" className="text-xl font-semibold">{t('map')}</h2>
      <NetworkMap
        title={t('mapCaption', { home, partner: name })}
        home={{ name: home, latitude: p.home.latitude, longitude: p.home.longitude }}
        partners={[
          {
            key: p.slug,
            href: localizedHref(locale, `/partners/${p.slug}`),
            name,
            country: new Intl.DisplayNames([LANGUAGE_TAG[locale]], { type: 'region' }).of(p.partner.countryCode) ?? p.partner.countryCode,
            year: p.establishedOn ? Number(p.establishedOn.slice(0, 4)) : null,
            type: p.type,
            latitude: p.partner.latitude,
            longitude: p.partner.longitude,
          },
        ]}
      />
    </section>
  );
}

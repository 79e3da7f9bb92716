import { getTranslations } from 'next-intl/server';
import { NetworkMap } from '@/components/map/network-map';
import type { NetworkMapPartner } from '@/db/queries/dashboard';
import type { HomeLocality } from '@/db/queries/home';
import { localizedHref } from '@/lib/i18n/paths';
import { localizedName } from '@/lib/i18n/names';
import { LANGUAGE_TAG, type Locale } from '@/lib/i18n/routing';

/**
 * The network on the world map (components/map/network-map.tsx: an arc and a linked mark per partner, coloured by
 * type), with its list alternative: the same partners in a table under the map, which the map's description points
 * to, each linked to its staff page.
 */
export async function NetworkSection({ home, partners, locale }: { home: HomeLocality; partners: NetworkMapPartner[]; locale: Locale }) {
  const [t, tType] = await Promise.all([getTranslations('dashboard'), getTranslations('partnershipType')]);
  const tag = LANGUAGE_TAG[locale];
  const countryName = new Intl.DisplayNames([tag], { type: 'region' });
  const country = (code: string) => countryName.of(code) ?? code;
  const homeName = localizedName(home, locale);
  const hrefOf = (id: string) => localizedHref(locale, `/partnerships/${id}`);
  return (
    <section aria-labelledby="dashboard-map" className="space-y-3">
      <h2 id="dashboard-map" className="text-xl font-semibold">
        {t('mapTitle')}
      </h2>
      {partners.length === 0 ? (
        <p className="text-sm text-slate-700">{t('noNetwork')}</p>
      ) : (
        <>
          <NetworkMap
            home={{ name: homeName, latitude: home.latitude, longitude: home.longitude }}
            partners={partners.map((p) => ({
              key: p.id,
              href: hrefOf(p.id),
              name: localizedName(p, locale),
              country: country(p.countryCode),
              year: p.establishedYear,
              type: p.type,
              latitude: p.latitude,
              longitude: p.longitude,
            }))}
            listNote={t('mapListNote')}
            skipTo="dashboard-partner-list"
          />
          <details id="dashboard-partner-list" tabIndex={-1} className="rounded-lg border border-slate-200 px-3 py-2">
            <summary className="cursor-pointer text-brand-700 underline">{t('partnerList', { count: partners.length })}</summary>
            <div className="mt-2 overflow-x-auto">
              <table className="w-full text-left text-sm">
                <caption className="sr-only">{t('partnerList', { count: partners.length })}</caption>
                <thead className="text-slate-700">
                  <tr>
                    <th scope="col" className="py-1 pr-3">{t('partner')}</th>
                    <th scope="col" className="py-1 pr-3">{t('country')}</th>
                    <th scope="col" className="py-1 pr-3">{t('type')}</th>
                    <th scope="col" className="py-1 text-right">{t('since')}</th>
                  </tr>
                </thead>
                <tbody className="divide-y divide-slate-100">
                  {partners.map((p) => (
                    <tr key={p.id}>
                      <th scope="row" className="py-1 pr-3 font-normal">
                        <a href={hrefOf(p.id)} className="text-brand-700 underline">
                          {localizedName(p, locale)}
                        </a>
                        {!p.isPublic && <span className="ml-2 rounded bg-amber-100 px-1.5 text-xs text-amber-900">{t('internal')}</span>}
                      </th>
                      <td className="py-1 pr-3">{country(p.countryCode)}</td>
                      <td className="py-1 pr-3">{tType(p.type)}</td>
                      <td className="py-1 text-right tabular-nums">{p.establishedYear ?? t('undated')}</td>
                    </tr>
                  ))}
                </tbody>
              </table>
            </div>
          </details>
        </>
      )}
    </section>
  );
}

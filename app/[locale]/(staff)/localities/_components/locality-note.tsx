import { getLocale, getTranslations } from 'next-intl/server';
import { listFormerNames } from '@/db/queries/localities';
import { Link } from '@/lib/i18n/navigation';
import { localizedName } from '@/lib/i18n/names';

/**
 * A server component for a partner block: the locality's former names ("formerly Dnipropetrovsk") and a link to its
 * page. Self-contained, so a page shows it with one line.
 */
export async function LocalityNote({ locality }: { locality: { id: string; nameEn: string; nameZh: string | null } }) {
  const [names, t, locale] = await Promise.all([listFormerNames(locality.id), getTranslations('localities'), getLocale()]);
  const list = names.map((n) => localizedName(n, locale)).join(locale === 'zh' ? '、' : ', ');
  return (
    <span className="block text-sm">
      {names.length > 0 && <span className="block text-slate-600">{t('formerly', { name: list })}</span>}
      <Link href={`/localities/${locality.id}`} className="text-brand-700 underline">
        {t('open', { name: localizedName(locality, locale) })}
      </Link>
    </span>
  );
}

import { getTranslations } from 'next-intl/server';
import { LocaleLink as Link } from './locale-link';

/** The public footer with the data attribution the dataset's licences ask for. */
export async function SiteFooter() {
  const t = await getTranslations('footer');
  return (
    <footer className="border-t border-slate-200 bg-slate-50 text-sm text-slate-600 print:hidden">
      <div className="mx-auto max-w-6xl px-4 py-6">
        <p>
          {t('dataCredit')}{' '}
          <Link href="/open-data" className="text-brand-700 underline underline-offset-2 hover:text-brand-900">
            {t('sourcesLink')}
          </Link>
        </p>
      </div>
    </footer>
  );
}

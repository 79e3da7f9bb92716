'use client';

import { useTranslations } from 'next-intl';

// Shows no error text: the message may carry SQL or internals. The server log has the details.
export default function ErrorPage({ reset }: { error: Error & { digest?: string }; reset: () => void }) {
  const t = useTranslations('errors');
  return (
    <div role="alert" className="space-y-4">
      <h1 className="text-2xl font-semibold">{t('title')}</h1>
      <p>{t('body')}</p>
      <button type="button" onClick={reset} className="rounded bg-brand-700 px-4 py-2 text-white hover:bg-brand-900">
        {t('retry')}
      </button>
    </div>
  );
}

'use client';

import { useParams } from 'next/navigation';
import { ERROR_PAGE_TEXT } from '@/lib/i18n/error-page-text';

// Shows no error text: the message may carry SQL or internals. The server log has the details.
// Its words come from a small table rather than the message catalogue: public pages load no catalogue in the
// browser (see components/locale-link.tsx), and this boundary sits above them.
export default function ErrorPage({ reset }: { error: Error & { digest?: string }; reset: () => void }) {
  const { locale } = useParams<{ locale?: string }>();
  const t = ERROR_PAGE_TEXT[locale === 'zh' ? 'zh' : 'en'];
  return (
    <div role="alert" className="space-y-4">
      <h1 className="text-2xl font-semibold">{t.title}</h1>
      <p>{t.body}</p>
      <button type="button" onClick={reset} className="rounded bg-brand-700 px-4 py-2 text-white hover:bg-brand-900">
        {t.retry}
      </button>
    </div>
  );
}

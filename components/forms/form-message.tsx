'use client';

import { useTranslations } from 'next-intl';
import type { ActionState } from '@/lib/action-state';

/** The form-level outcome in a live region, so screen readers hear it without moving focus. */
export function FormMessage({ state }: { state: ActionState }) {
  const t = useTranslations();
  const message = state.status === 'idle' ? undefined : state.message;
  const tone = state.status === 'success' ? 'text-emerald-800 bg-emerald-50' : 'text-red-800 bg-red-50';
  return (
    <div role="status" aria-live="polite" className="min-h-0">
      {message && (
        <p className={`rounded px-3 py-2 text-sm ${tone}`}>
          {t.has(message.key as never) ? t(message.key as never, message.values as never) : t('errors.body')}
        </p>
      )}
    </div>
  );
}

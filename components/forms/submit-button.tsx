'use client';

import type { ReactNode } from 'react';

/** The form's submit button; disabled and marked busy while the action runs. */
export function SubmitButton({ pending, children, tone = 'primary' }: { pending: boolean; children: ReactNode; tone?: 'primary' | 'danger' }) {
  const colours = tone === 'danger' ? 'bg-red-700 hover:bg-red-800' : 'bg-brand-700 hover:bg-brand-900';
  return (
    <button
      type="submit"
      disabled={pending}
      aria-busy={pending || undefined}
      className={`rounded px-4 py-2 font-medium text-white disabled:opacity-60 ${colours}`}
    >
      {children}
    </button>
  );
}

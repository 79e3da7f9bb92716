'use client';

import { useTranslations } from 'next-intl';
import type { InputHTMLAttributes } from 'react';
import type { FieldError } from 'react-hook-form';

type Props = InputHTMLAttributes<HTMLInputElement> & {
  name: string;
  label: string;
  hint?: string;
  error?: FieldError;
};

/** A labelled input whose error (a catalogue key) is read out with it and shown beside it. */
export function TextField({ name, label, hint, error, id, className, ...input }: Props) {
  const t = useTranslations();
  const inputId = id ?? `field-${name}`;
  const hintId = hint ? `${inputId}-hint` : undefined;
  const errorId = error ? `${inputId}-error` : undefined;
  const message = error?.message;
  return (
    <div className={`flex flex-col gap-1 ${className ?? ''}`}>
      <label htmlFor={inputId} className="text-sm font-medium">
        {label}
      </label>
      {hint && (
        <p id={hintId} className="text-xs text-slate-600">
          {hint}
        </p>
      )}
      <input
        id={inputId}
        name={name}
        aria-invalid={error ? true : undefined}
        aria-describedby={[hintId, errorId].filter(Boolean).join(' ') || undefined}
        className="rounded border border-slate-400 px-3 py-2 aria-invalid:border-red-700"
        {...input}
      />
      {message && (
        <p id={errorId} className="text-sm text-red-700">
          {t.has(message as never) ? t(message as never) : t('validation.invalid')}
        </p>
      )}
    </div>
  );
}

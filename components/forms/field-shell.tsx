'use client';

import { useTranslations } from 'next-intl';
import type { ReactNode } from 'react';
import type { FieldError } from 'react-hook-form';

/** Ids tying a control to its hint and error, so a screen reader reads them with it. */
export function fieldIds(name: string, hint?: string, error?: FieldError) {
  const id = `field-${name}`;
  const hintId = hint ? `${id}-hint` : undefined;
  const errorId = error ? `${id}-error` : undefined;
  return { id, hintId, errorId, describedBy: [hintId, errorId].filter(Boolean).join(' ') || undefined };
}

/** Label, hint, control and error (a catalogue key) of one form field. */
export function FieldShell(props: { name: string; label: string; hint?: string; error?: FieldError; className?: string; children: ReactNode }) {
  const t = useTranslations();
  const { id, hintId, errorId } = fieldIds(props.name, props.hint, props.error);
  const message = props.error?.message;
  return (
    <div className={`flex min-w-0 flex-col gap-1 ${props.className ?? ''}`}>
      <label htmlFor={id} className="text-sm font-medium">
        {props.label}
      </label>
      {props.hint && (
        <p id={hintId} className="text-xs text-slate-600">
          {props.hint}
        </p>
      )}
      {props.children}
      {message && (
        <p id={errorId} className="text-sm text-red-700">
          {t.has(message as never) ? t(message as never) : t('validation.invalid')}
        </p>
      )}
    </div>
  );
}

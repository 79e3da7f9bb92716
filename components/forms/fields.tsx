'use client';

import type { ReactNode } from 'react';
import type { FieldError, UseFormRegisterReturn } from 'react-hook-form';
import { FieldShell, fieldIds } from './field-shell';

// Labelled controls for react-hook-form: the error (a catalogue key) and the hint are tied to the control.

const control = 'w-full min-w-0 rounded border border-slate-400 px-3 py-2 aria-invalid:border-red-700';

/** A labelled select. */
export function Select(props: { name: string; label: string; hint?: string; error?: FieldError; reg: UseFormRegisterReturn; children: ReactNode }) {
  const { id, describedBy } = fieldIds(props.name, props.hint, props.error);
  return (
    <FieldShell name={props.name} label={props.label} hint={props.hint} error={props.error}>
      <select id={id} aria-invalid={props.error ? true : undefined} aria-describedby={describedBy} className={control} {...props.reg}>
        {props.children}
      </select>
    </FieldShell>
  );
}

/** A labelled text input, or a textarea when `rows` is given; `inputMode` picks a phone's keyboard (digits for a count). */
export function Text(props: { name: string; label: string; hint?: string; error?: FieldError; reg: UseFormRegisterReturn; rows?: number; maxLength: number; lang?: string; inputMode?: 'numeric' | 'url'; className?: string }) {
  const { id, describedBy } = fieldIds(props.name, props.hint, props.error);
  const shared = { id, lang: props.lang, maxLength: props.maxLength, inputMode: props.inputMode, 'aria-invalid': props.error ? true : undefined, 'aria-describedby': describedBy, className: control, ...props.reg };
  return (
    <FieldShell name={props.name} label={props.label} hint={props.hint} error={props.error} className={props.className}>
      {props.rows ? <textarea rows={props.rows} {...shared} /> : <input {...shared} />}
    </FieldShell>
  );
}


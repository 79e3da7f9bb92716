'use client';

import { useActionState } from 'react';
import { FormMessage } from '@/components/forms/form-message';
import { SubmitButton } from '@/components/forms/submit-button';
import { IDLE, type ActionState } from '@/lib/action-state';

type Action = (state: ActionState, data: FormData) => Promise<ActionState>;
/** The hidden fields the action reads: the record's id, its version, where to return ... */
type Fields = Record<string, string | number>;

function Hidden({ fields }: { fields: Fields }) {
  return Object.entries(fields).map(([name, value]) => <input key={name} type="hidden" name={name} value={value} />);
}

/**
 * A soft delete behind a disclosure, so one stray click does not do it: the summary (`label`, announced as
 * `ariaLabel` when several are on a page), then the hint (it can be restored) and the confirming button. Works
 * without JavaScript; the action's refusal shows in a live region. `boxed` draws it as a bordered control.
 */
export function DeleteDisclosure(props: { action: Action; fields: Fields; label: string; ariaLabel?: string; hint: string; confirm: string; boxed?: boolean }) {
  const [state, action, pending] = useActionState(props.action, IDLE);
  return (
    <details className={props.boxed ? 'rounded border border-slate-300 px-3 py-2' : 'text-sm'}>
      <summary className="cursor-pointer text-red-800" aria-label={props.ariaLabel}>{props.label}</summary>
      <form action={action} className="mt-2 space-y-2">
        <Hidden fields={props.fields} />
        <p className={props.boxed ? 'text-sm text-slate-700' : 'text-slate-700'}>{props.hint}</p>
        <FormMessage state={state} />
        <SubmitButton pending={pending} tone="danger">{props.confirm}</SubmitButton>
      </form>
    </details>
  );
}

/**
 * Restores a soft-deleted record (admins): a button, or a link-styled one in a list (`inline`), with the action's
 * answer in a live region.
 */
export function RestoreButton(props: { action: Action; fields: Fields; label: string; ariaLabel?: string; inline?: boolean }) {
  const [state, action, pending] = useActionState(props.action, IDLE);
  if (!props.inline) {
    return (
      <form action={action} className="space-y-2">
        <Hidden fields={props.fields} />
        <SubmitButton pending={pending}>{props.label}</SubmitButton>
        <FormMessage state={state} />
      </form>
    );
  }
  return (
    <form action={action} className="space-y-1 text-sm">
      <Hidden fields={props.fields} />
      <FormMessage state={state} />
      <button type="submit" disabled={pending} aria-busy={pending || undefined} aria-label={props.ariaLabel} className="text-brand-700 underline disabled:opacity-60">
        {props.label}
      </button>
    </form>
  );
}

'use client';

import { useActionState } from 'react';
import { FormMessage } from '@/components/forms/form-message';
import { IDLE, type ActionState } from '@/lib/action-state';

type Action = (state: ActionState, data: FormData) => Promise<ActionState>;

/**
 * One button posting an import's action (commit, accept or skip a possible duplicate) with its hidden fields; works
 * without JavaScript, and the action's refusal shows beside it in a live region. `ariaLabel` names it when several
 * alike are on the page ("Accept row 12").
 */
export function ImportButton(props: { action: Action; fields: Record<string, string | number>; label: string; ariaLabel?: string; tone?: 'primary' | 'plain' }) {
  const [state, action, pending] = useActionState(props.action, IDLE);
  const look =
    props.tone === 'plain'
      ? 'rounded border border-slate-400 px-2 py-1 text-sm hover:bg-slate-100'
      : 'rounded bg-brand-700 px-4 py-2 font-medium text-white hover:bg-brand-900';
  return (
    <form action={action} className="space-y-1">
      {Object.entries(props.fields).map(([name, value]) => (
        <input key={name} type="hidden" name={name} value={value} />
      ))}
      <button type="submit" disabled={pending} aria-busy={pending || undefined} aria-label={props.ariaLabel} className={`${look} disabled:opacity-60`}>
        {props.label}
      </button>
      <FormMessage state={state} />
    </form>
  );
}

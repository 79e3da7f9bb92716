'use client';

import { useTranslations } from 'next-intl';
import { useActionState } from 'react';
import { FormMessage } from '@/components/forms/form-message';
import { IDLE, type ActionState } from '@/lib/action-state';
import { ROLES, type Role } from '@/lib/domain';
import { changeRoleAction, resetPasswordAction, setActiveAction } from '../actions';

type Props = { userId: string; name: string; email: string; version: number; role: Role; isActive: boolean; self: boolean };

function messageOf(...states: ActionState[]): ActionState {
  return states.find((s) => s.status !== 'idle') ?? IDLE;
}

/** Role, activation and password reset for one user; each posts the version the admin saw. */
export function UserRowActions({ userId, name, email, version, role, isActive, self }: Props) {
  const t = useTranslations('users');
  const tRole = useTranslations('roles');
  const tv = useTranslations();
  const [roleState, roleAction, rolePending] = useActionState(changeRoleAction, IDLE);
  const [activeState, activeAction, activePending] = useActionState(setActiveAction, IDLE);
  const [pwState, pwAction, pwPending] = useActionState(resetPasswordAction, IDLE);
  if (self) return null;
  const pwError = pwState.status === 'invalid' ? pwState.fieldErrors.password : undefined;
  const ids = { role: `role-${userId}`, pw: `pw-${userId}`, pwErr: `pw-${userId}-error` };
  return (
    <div className="flex flex-col gap-2" role="group" aria-label={t('actionsFor', { name })}>
      <form action={roleAction} className="flex items-center gap-2">
        <input type="hidden" name="userId" value={userId} />
        <input type="hidden" name="version" value={version} />
        <label htmlFor={ids.role} className="sr-only">{t('role')}</label>
        <select id={ids.role} name="role" defaultValue={role} className="rounded border border-slate-400 px-2 py-1">
          {ROLES.map((r) => (
            <option key={r} value={r}>{tRole(r)}</option>
          ))}
        </select>
        <button type="submit" disabled={rolePending} className="rounded border border-slate-400 px-2 py-1 hover:bg-slate-100">
          {t('changeRole')}
        </button>
      </form>
      <form action={activeAction}>
        <input type="hidden" name="userId" value={userId} />
        <input type="hidden" name="version" value={version} />
        <input type="hidden" name="active" value={isActive ? 'false' : 'true'} />
        <button type="submit" disabled={activePending} className="rounded border border-slate-400 px-2 py-1 hover:bg-slate-100">
          {isActive ? t('deactivate') : t('reactivate')}
        </button>
      </form>
      <form action={pwAction} className="flex flex-wrap items-end gap-2">
        <input type="hidden" name="userId" value={userId} />
        <input type="hidden" name="version" value={version} />
        {/* Lets password managers file the new password under the right account. */}
        <input type="text" name="username" autoComplete="username" value={email} readOnly hidden />
        <div className="flex flex-col">
          <label htmlFor={ids.pw} className="text-xs">{t('newPassword', { name })}</label>
          <input
            id={ids.pw}
            name="password"
            type="password"
            autoComplete="new-password"
            aria-invalid={pwError ? true : undefined}
            aria-describedby={pwError ? ids.pwErr : undefined}
            className="rounded border border-slate-400 px-2 py-1"
          />
          {pwError && <p id={ids.pwErr} className="text-xs text-red-700">{tv(pwError.key as never)}</p>}
        </div>
        <button type="submit" disabled={pwPending} className="rounded border border-slate-400 px-2 py-1 hover:bg-slate-100">
          {t('resetPassword')}
        </button>
      </form>
      <FormMessage state={messageOf(roleState, activeState, pwState.status === 'invalid' ? IDLE : pwState)} />
    </div>
  );
}

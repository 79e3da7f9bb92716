import type { Metadata } from 'next';
import { getTranslations } from 'next-intl/server';
import { getOwnTotpState } from '@/db/queries/account';
import { requireUser } from '@/lib/auth/guards';
import { qrSvg } from '@/lib/auth/qr';
import { otpauthUri } from '@/lib/auth/totp';
import { startTotpAction } from '../actions';
import { ConfirmTotpForm, DisableTotpForm } from './_components/totp-forms';

export async function generateMetadata(): Promise<Metadata> {
  return { title: (await getTranslations('account'))('securityTitle') };
}

export default async function SecurityPage() {
  const user = await requireUser('/account/security', { pending: true });
  const t = await getTranslations('account');
  const state = await getOwnTotpState();
  return (
    <div className="space-y-6">
      <h1 className="text-3xl font-semibold tracking-tight">{t('securityTitle')}</h1>
      {user.mustEnrolTotp && <p className="rounded bg-amber-50 px-3 py-2 text-amber-900">{t('mustEnrol')}</p>}
      {state.enabled ? (
        <>
          <p>{t('totpOn')} {t('recoveryLeft', { count: state.recoveryCodesLeft })}</p>
          <DisableTotpForm />
        </>
      ) : state.pendingSecret ? (
        <div className="space-y-4">
          <p>{t('enrolIntro')}</p>
          <div
            className="w-48 rounded border border-slate-200 bg-white p-2"
            // The SVG is generated on the server from our own data, with no scripts or external references.
            dangerouslySetInnerHTML={{
              __html: qrSvg(otpauthUri({ secret: state.pendingSecret, accountName: user.email, issuer: 'Amity' }), {
                label: t('qrLabel'),
              }),
            }}
          />
          <p>
            {t('secretKey')}: <code className="rounded bg-slate-100 px-2 py-1 font-mono">{state.pendingSecret.replace(/(.{4})/g, '$1 ').trim()}</code>
          </p>
          <ConfirmTotpForm />
        </div>
      ) : (
        <>
          <p>{t('totpOff')}</p>
          <form action={startTotpAction}>
            <button type="submit" className="rounded bg-brand-700 px-4 py-2 font-medium text-white hover:bg-brand-900">
              {t('startEnrol')}
            </button>
          </form>
        </>
      )}
    </div>
  );
}

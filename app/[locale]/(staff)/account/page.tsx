import type { Metadata } from 'next';
import { headers } from 'next/headers';
import { getFormatter, getTranslations } from 'next-intl/server';
import { getOwnCalendarFeed } from '@/db/queries/calendar-feeds';
import { requireUser } from '@/lib/auth/guards';
import { Link } from '@/lib/i18n/navigation';
import { siteOrigin } from '@/lib/seo';
import { signOutEverywhereAction } from '../actions';
import { CalendarFeedForms } from './_components/calendar-feed-forms';

export async function generateMetadata(): Promise<Metadata> {
  return { title: (await getTranslations('account'))('title') };
}

export default async function AccountPage() {
  const user = await requireUser('/account');
  const t = await getTranslations('account');
  const tRole = await getTranslations('roles');
  const tFeed = await getTranslations('calendarFeed');
  const format = await getFormatter();
  const feed = await getOwnCalendarFeed();
  const when = (d: Date) => format.dateTime(d, { dateStyle: 'long', timeStyle: 'short' });
  return (
    <div className="max-w-2xl space-y-8">
      <div className="space-y-1">
        <h1 className="text-3xl font-semibold tracking-tight">{t('title')}</h1>
        <p className="text-slate-600">{t('details', { name: user.name, email: user.email, role: tRole(user.role) })}</p>
      </div>
      <section aria-labelledby="pw" className="space-y-2">
        <h2 id="pw" className="text-xl font-semibold">{t('passwordTitle')}</h2>
        <Link href="/account/password" className="text-brand-700 underline">{t('changePassword')}</Link>
      </section>
      <section aria-labelledby="tf" className="space-y-2">
        <h2 id="tf" className="text-xl font-semibold">{t('securityTitle')}</h2>
        <p>{user.totpEnabled ? t('totpOn') : t('totpOff')}</p>
        <Link href="/account/security" className="text-brand-700 underline">{t('securityTitle')}</Link>
      </section>
      <section aria-labelledby="cal" className="space-y-2">
        <h2 id="cal" className="text-xl font-semibold">{tFeed('title')}</h2>
        <p>{tFeed('intro')}</p>
        <p className="text-sm text-slate-700">{tFeed('secretNote')}</p>
        {feed ? (
          <p>
            <span className="block">{tFeed('since', { date: when(feed.createdAt) })}</span>
            <span className="block">{feed.lastUsedAt ? tFeed('lastUsed', { date: when(feed.lastUsedAt) }) : tFeed('neverUsed')}</span>
          </p>
        ) : (
          <p>{tFeed('none')}</p>
        )}
        <CalendarFeedForms
          feed={feed && { id: feed.id, since: when(feed.createdAt), lastUsed: feed.lastUsedAt && when(feed.lastUsedAt) }}
          origin={siteOrigin(await headers()) ?? ''}
        />
      </section>
      <section aria-labelledby="se" className="space-y-2">
        <h2 id="se" className="text-xl font-semibold">{t('sessionsTitle')}</h2>
        <p>{t('sessionsBody')}</p>
        <form action={signOutEverywhereAction}>
          <button type="submit" className="rounded border border-red-700 px-4 py-2 text-red-800 hover:bg-red-50">
            {t('signOutEverywhere')}
          </button>
        </form>
      </section>
    </div>
  );
}

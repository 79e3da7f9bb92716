'use client';

import { useTranslations } from 'next-intl';
import { useActionState } from 'react';
import { FormMessage } from '@/components/forms/form-message';
import { SubmitButton } from '@/components/forms/submit-button';
import { IDLE, type ActionState } from '@/lib/action-state';
import { feedUrl } from '@/lib/calendar-feed-url';
import { createCalendarFeedAction, regenerateCalendarFeedAction, revokeCalendarFeedAction } from '../actions';

/** The live feed as the page shows it, its times already formatted on the server. */
export interface FeedView {
  id: string;
  since: string;
  lastUsed: string | null;
}

const feedIdOf = (state: ActionState) => (state.status === 'success' ? (state.data?.feedId as string | undefined) : undefined);

/**
 * The "Calendar feed" forms of the account page: make a feed, make a new address, turn it off. The secret address
 * is shown once, after it is made (only its hash is kept), for as long as it is the live feed the page shows; each
 * action refreshes the page, so `feed` is always the feed as it now is. Works without JavaScript.
 */
export function CalendarFeedForms({ feed, origin }: { feed: FeedView | null; origin: string }) {
  const t = useTranslations('calendarFeed');
  const [created, create, creating] = useActionState(createCalendarFeedAction, IDLE);
  const [regenerated, regenerate, regenerating] = useActionState(regenerateCalendarFeedAction, IDLE);
  const [revoked, revoke, revoking] = useActionState(revokeCalendarFeedAction, IDLE);
  // A success about another feed than the live one is old news (made, then replaced or turned off since).
  const current = (state: ActionState) => (state.status === 'success' && feedIdOf(state) !== feed?.id ? IDLE : state);
  const fresh = [regenerated, created].find((s) => feed && feedIdOf(s) === feed.id);
  const token = fresh?.status === 'success' ? (fresh.data?.token as string | undefined) : undefined;
  return (
    <div className="space-y-4">
      {token && (
        <div className="space-y-3 rounded border border-emerald-300 bg-emerald-50 p-4">
          <h3 className="font-semibold">{t('newAddress')}</h3>
          <p className="text-sm">{t('copyNow')}</p>
          {(['en', 'zh'] as const).map((locale) => (
            <div key={locale} className="flex flex-col gap-1">
              <label htmlFor={`feed-url-${locale}`} className="text-sm font-medium">
                {t(locale === 'en' ? 'addressEn' : 'addressZh')}
              </label>
              <input
                id={`feed-url-${locale}`}
                readOnly
                value={feedUrl(origin, token, locale)}
                onFocus={(e) => e.currentTarget.select()}
                className="w-full rounded border border-slate-400 bg-white px-2 py-1 font-mono text-sm"
              />
            </div>
          ))}
        </div>
      )}
      {feed ? (
        <div className="flex flex-wrap items-start gap-6">
          <form action={regenerate} className="max-w-sm space-y-2">
            <input type="hidden" name="feedId" value={feed.id} />
            <SubmitButton pending={regenerating}>{t('regenerate')}</SubmitButton>
            <p className="text-sm text-slate-600">{t('regenerateHint')}</p>
            <FormMessage state={current(regenerated)} />
          </form>
          <form action={revoke} className="space-y-2">
            <input type="hidden" name="feedId" value={feed.id} />
            <SubmitButton pending={revoking} tone="danger">{t('revoke')}</SubmitButton>
            <FormMessage state={revoked.status === 'success' ? IDLE : revoked} />
          </form>
        </div>
      ) : (
        <form action={create} className="space-y-2">
          <SubmitButton pending={creating}>{t('create')}</SubmitButton>
          <FormMessage state={current(created).status !== 'idle' ? current(created) : revoked} />
        </form>
      )}
    </div>
  );
}

'use client';

import { useLocale, useTranslations } from 'next-intl';
import { useEffect, useId, useState } from 'react';
import type { FieldError, UseFormReturn } from 'react-hook-form';
import { Select, Text } from '@/components/forms/fields';
import { LOCALITY_LEVELS } from '@/lib/domain';

interface Place {
  key: string;
  nameEn: string;
  countryCode: string;
  country: string;
  level: (typeof LOCALITY_LEVELS)[number];
  latitude: number | null;
  longitude: number | null;
  population: number | null;
  existingId: string | null;
}

/**
 * A partner not yet in the registry: search the gazetteer (GeoNames cities, ISO 3166-2 provinces and counties)
 * as you type, pick a place to fill its English name, country and coordinates, type its Chinese name. A place the
 * registry already holds is selected instead of duplicated.
 */
export function NewLocalityFields({ form, errors }: { form: UseFormReturn<never>; errors: Record<string, FieldError | undefined> }) {
  const t = useTranslations('gazetteer');
  const tLevel = useTranslations('localityLevel');
  const locale = useLocale();
  const [query, setQuery] = useState('');
  const [places, setPlaces] = useState<Place[]>([]);
  const [status, setStatus] = useState<'idle' | 'searching' | 'done' | 'failed'>('idle');
  const [picked, setPicked] = useState<string | null>(null);
  const searchId = useId();
  const set = (name: string, value: unknown) => form.setValue(name as never, value as never, { shouldValidate: false });
  const reg = (name: string) => form.register(name as never);
  const country = form.watch('newCountry' as never) as unknown as string;

  useEffect(() => {
    if (query.trim().length < 2) {
      setPlaces([]);
      setStatus('idle');
      return;
    }
    const controller = new AbortController();
    const timer = setTimeout(async () => {
      setStatus('searching');
      try {
        const res = await fetch(`${locale === 'zh' ? '/zh' : ''}/partnerships/gazetteer?${new URLSearchParams({ q: query })}`, { signal: controller.signal });
        if (!res.ok) throw new Error(String(res.status));
        setPlaces(((await res.json()) as { results: Place[] }).results);
        setStatus('done');
      } catch (err) {
        if ((err as Error).name !== 'AbortError') setStatus('failed');
      }
    }, 250);
    return () => {
      clearTimeout(timer);
      controller.abort();
    };
  }, [query, locale]);

  const pick = (p: Place) => {
    if (p.existingId) {
      set('partnerLocalityId', p.existingId);
      setPicked(t('existing', { name: p.nameEn }));
      return;
    }
    set('newNameEn', p.nameEn);
    set('newCountry', p.countryCode);
    set('newLevel', p.level);
    set('newLatitude', p.latitude ?? '');
    set('newLongitude', p.longitude ?? '');
    set('newSource', p.key);
    setPicked(t('picked', { name: p.nameEn, country: p.country }));
  };

  const countryName = country ? new Intl.DisplayNames([locale === 'zh' ? 'zh-CN' : 'en'], { type: 'region' }).of(country) : '';
  return (
    <fieldset className="space-y-3 rounded border border-slate-300 p-4 md:col-span-2">
      <legend className="px-1 text-sm font-medium">{t('legend')}</legend>
      <div className="flex flex-col gap-1">
        <label htmlFor={searchId} className="text-sm font-medium">{t('search')}</label>
        <p id={`${searchId}-hint`} className="text-xs text-slate-600">{t('searchHint')}</p>
        <input
          id={searchId}
          type="search"
          value={query}
          onChange={(e) => setQuery(e.target.value)}
          aria-describedby={`${searchId}-hint`}
          aria-controls={`${searchId}-results`}
          autoComplete="off"
          maxLength={100}
          className="rounded border border-slate-400 px-3 py-2"
        />
      </div>
      <div id={`${searchId}-results`} aria-live="polite">
        {status === 'searching' && <p className="text-sm text-slate-600">{t('searching')}</p>}
        {status === 'failed' && <p className="text-sm text-red-700">{t('failed')}</p>}
        {status === 'done' && places.length === 0 && <p className="text-sm text-slate-600">{t('none')}</p>}
        {places.length > 0 && (
          <ul className="max-h-64 divide-y divide-slate-100 overflow-y-auto rounded border border-slate-200">
            {places.map((p) => (
              <li key={p.key}>
                <button type="button" onClick={() => pick(p)} className="w-full px-3 py-2 text-left text-sm hover:bg-slate-50 focus:bg-slate-100">
                  <span className="font-medium">{p.nameEn}</span> · {p.country} · {tLevel(p.level)}
                  {p.population !== null && <> · {t('population', { n: p.population })}</>}
                  {p.existingId && <span className="ml-2 rounded bg-emerald-50 px-2 text-xs text-emerald-800">{t('inRegistry')}</span>}
                </button>
              </li>
            ))}
          </ul>
        )}
        {picked && <p role="status" className="mt-2 text-sm text-emerald-800">{picked}</p>}
      </div>
      <div className="grid gap-3 md:grid-cols-2">
        <Text name="newNameEn" label={t('nameEn')} error={errors.newNameEn} reg={reg('newNameEn')} maxLength={200} lang="en" />
        <Text name="newNameZh" label={t('nameZh')} hint={t('nameZhHint')} error={errors.newNameZh} reg={reg('newNameZh')} maxLength={100} lang="zh-CN" />
        <div className="flex flex-col gap-1">
          <span className="text-sm font-medium">{t('country')}</span>
          <p className="rounded border border-slate-200 bg-slate-50 px-3 py-2" aria-live="polite">{countryName || t('countryFromPick')}</p>
          {errors.newCountry && <p className="text-sm text-red-700">{t('countryFromPick')}</p>}
        </div>
        <Select name="newLevel" label={t('level')} error={errors.newLevel} reg={reg('newLevel')}>
          {LOCALITY_LEVELS.map((l) => (
            <option key={l} value={l}>{tLevel(l)}</option>
          ))}
        </Select>
      </div>
      {(['newCountry', 'newLatitude', 'newLongitude', 'newSource'] as const).map((n) => (
        <input key={n} type="hidden" {...reg(n)} />
      ))}
    </fieldset>
  );
}

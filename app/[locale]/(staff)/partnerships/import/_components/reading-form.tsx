'use client';

import { useTranslations } from 'next-intl';
import { useActionState } from 'react';
import { FormMessage } from '@/components/forms/form-message';
import { SubmitButton } from '@/components/forms/submit-button';
import { IDLE, type ActionState } from '@/lib/action-state';

type Action = (state: ActionState, data: FormData) => Promise<ActionState>;

/**
 * How an import is read, as a form (/partnerships/import/[id]): the encoding of a CSV or the sheet of an XLSX, and
 * one select per column of the header naming the field it feeds (or none: the column is ignored). Posts to
 * chooseReadingAction, which previews again; its messages show beside the fields, with or without JavaScript.
 * `fields` are the import fields with their labels, in the order offered.
 */
export function ReadingForm(props: {
  action: Action;
  id: string;
  version: number;
  kind: string;
  encoding: string | null;
  detectedEncoding: string | null;
  encodings: readonly string[];
  sheet: string | null;
  sheets: string[];
  header: string[];
  mapping: Array<string | null>;
  fields: Array<[string, string]>;
}) {
  const t = useTranslations('imports');
  const tAll = useTranslations();
  const [state, action, pending] = useActionState(props.action, IDLE);
  const errorOf = (name: string) => {
    const e = state.status === 'invalid' ? state.fieldErrors[name] : undefined;
    return e ? (tAll.has(e.key as never) ? tAll(e.key as never, e.values as never) : tAll('errors.body')) : null;
  };
  const field = 'rounded border border-slate-400 px-2 py-1.5';
  const encodingError = errorOf('encoding');
  const sheetError = errorOf('sheet');
  const mappingError = errorOf('mapping');
  const ignored = props.header.filter((_, i) => !props.mapping[i]);
  return (
    <form action={action} className="space-y-4 rounded-lg border border-slate-200 p-4" aria-labelledby="reading-heading">
      <h2 id="reading-heading" className="text-xl font-semibold">{t('readingHeading')}</h2>
      <input type="hidden" name="id" value={props.id} />
      <input type="hidden" name="version" value={props.version} />
      {props.kind === 'csv' && (
        <div className="flex flex-col gap-1 text-sm">
          <label htmlFor="imp-encoding" className="font-medium">{t('encoding')}</label>
          <p id="imp-encoding-hint" className="text-slate-600">{t('encodingHint', { detected: props.detectedEncoding ?? '?' })}</p>
          <select
            id="imp-encoding"
            name="encoding"
            defaultValue={props.encoding ?? ''}
            aria-invalid={encodingError ? true : undefined}
            aria-describedby={`imp-encoding-hint${encodingError ? ' imp-encoding-error' : ''}`}
            className={`${field} max-w-xs`}
          >
            {props.encodings.map((e) => (
              <option key={e} value={e}>{e}</option>
            ))}
          </select>
          {encodingError && <p id="imp-encoding-error" className="text-red-700">{encodingError}</p>}
        </div>
      )}
      {props.kind === 'xlsx' && props.sheets.length > 0 && (
        <div className="flex flex-col gap-1 text-sm">
          <label htmlFor="imp-sheet" className="font-medium">{t('sheet')}</label>
          <select
            id="imp-sheet"
            name="sheet"
            defaultValue={props.sheet ?? ''}
            aria-invalid={sheetError ? true : undefined}
            aria-describedby={sheetError ? 'imp-sheet-error' : undefined}
            className={`${field} max-w-xs`}
          >
            {props.sheets.map((s) => (
              <option key={s} value={s}>{s}</option>
            ))}
          </select>
          {sheetError && <p id="imp-sheet-error" className="text-red-700">{sheetError}</p>}
        </div>
      )}
      <fieldset className="space-y-2" aria-describedby={mappingError ? 'imp-mapping-error' : 'imp-mapping-hint'}>
        <legend className="font-medium">{t('mapping')}</legend>
        <p id="imp-mapping-hint" className="text-sm text-slate-600">{t('mappingHint')}</p>
        {mappingError && <p id="imp-mapping-error" className="text-sm text-red-700">{mappingError}</p>}
        <div className="grid gap-2 sm:grid-cols-2 lg:grid-cols-3">
          {props.header.map((column, i) => {
            const error = errorOf(`mapping.${i}`);
            return (
              <div key={i} className="flex flex-col gap-1 text-sm">
                <label htmlFor={`imp-col-${i}`}>
                  <span className="font-medium">{column || t('untitledColumn', { n: i + 1 })}</span>
                </label>
                <select
                  id={`imp-col-${i}`}
                  name="mapping"
                  defaultValue={props.mapping[i] ?? ''}
                  aria-invalid={error ? true : undefined}
                  aria-describedby={error ? `imp-col-${i}-error` : undefined}
                  className={field}
                >
                  <option value="">{t('ignore')}</option>
                  {props.fields.map(([value, label]) => (
                    <option key={value} value={value}>{label}</option>
                  ))}
                </select>
                {error && <p id={`imp-col-${i}-error`} className="text-red-700">{error}</p>}
              </div>
            );
          })}
        </div>
        <p className="text-sm text-slate-700">{ignored.length > 0 ? t('ignoredColumns', { columns: ignored.map((c) => c || '?').join(', ') }) : t('noIgnoredColumns')}</p>
      </fieldset>
      <FormMessage state={state} />
      <SubmitButton pending={pending}>{t('readAgain')}</SubmitButton>
    </form>
  );
}

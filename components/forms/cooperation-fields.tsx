'use client';

import { useTranslations } from 'next-intl';
import type { FieldError, UseFormRegisterReturn } from 'react-hook-form';
import { COOPERATION_FIELDS } from '@/lib/domain';

/**
 * The cooperation fields as checkboxes under one legend, ticked as given in the server's HTML too (react-hook-form
 * ticks them only once JavaScript runs), so the form sends them back unchanged without JavaScript.
 */
export function CooperationFields({ legend, error, reg, checked }: { legend: string; error?: FieldError; reg: UseFormRegisterReturn; checked: readonly string[] }) {
  const tField = useTranslations('cooperationField');
  const tv = useTranslations();
  return (
    <fieldset className="md:col-span-2" aria-describedby={error ? 'field-cooperationFields-error' : undefined}>
      <legend className="text-sm font-medium">{legend}</legend>
      <div className="mt-2 grid grid-cols-2 gap-2 sm:grid-cols-3 lg:grid-cols-4">
        {COOPERATION_FIELDS.map((f) => (
          <label key={f} className="flex items-center gap-2 text-sm">
            <input type="checkbox" value={f} defaultChecked={checked.includes(f)} className="h-4 w-4" {...reg} />
            {tField(f)}
          </label>
        ))}
      </div>
      {error && (
        <p id="field-cooperationFields-error" className="text-sm text-red-700">
          {tv.has((error.message ?? '') as never) ? tv(error.message as never) : tv('validation.invalid')}
        </p>
      )}
    </fieldset>
  );
}

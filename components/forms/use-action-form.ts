'use client';

import { zodResolver } from '@hookform/resolvers/zod';
import { startTransition, useActionState, useMemo, useRef, useSyncExternalStore } from 'react';
import {
  type DefaultValues,
  type FieldErrors,
  type FieldValues,
  type Path,
  type RegisterOptions,
  type UseFormRegisterReturn,
  useForm,
} from 'react-hook-form';
import type { z } from 'zod';
import { IDLE, type ActionState } from '@/lib/action-state';

const subscribe = () => () => {};

/** The value at a dotted path ('signatories.1.nameEn') of a nested object, or undefined. */
function valueAt(values: unknown, path: string): unknown {
  return path.split('.').reduce<unknown>((v, k) => (v !== null && typeof v === 'object' ? (v as Record<string, unknown>)[k] : undefined), values);
}

/**
 * The server's field errors (keyed by dotted path) as react-hook-form's nested errors object, so they show beside
 * their fields from the first render: also in the HTML of a form sent without JavaScript, where no effect runs.
 */
export function serverFieldErrors(state: ActionState): FieldErrors | undefined {
  if (state.status !== 'invalid') return undefined;
  const out: Record<string, unknown> = {};
  for (const [field, message] of Object.entries(state.fieldErrors)) {
    if (!message) continue;
    const keys = field.split('.');
    let node = out;
    keys.forEach((k, i) => {
      if (i === keys.length - 1) node[k] = { type: 'server', message: message.key };
      // A row of a list ('quantities.0.amount') sits in an array, as react-hook-form keeps them.
      else node = (node[k] ??= /^\d+$/.test(keys[i + 1]!) ? [] : {}) as Record<string, unknown>;
    });
  }
  return out as FieldErrors;
}

/**
 * react-hook-form and a server action on one form: the schema checks on the client first, the action checks again
 * on the server, and the server's field errors land beside the same fields. Without JavaScript the form still
 * posts to the action (use `formProps`), shows what it holds (`form.register` writes each field's starting value
 * into the server's HTML, which react-hook-form alone fills only once scripts run), shows the server's
 * messages beside the fields, and after a refusal holds what was sent when the action returned it (`invalid`). A checkbox group (an array value) is ticked by its own component.
 */
export function useActionForm<Schema extends z.ZodType<FieldValues, FieldValues>>(
  schema: Schema,
  action: (state: ActionState, data: FormData) => Promise<ActionState>,
  defaultValues: DefaultValues<z.input<Schema>>,
) {
  const [state, formAction, pending] = useActionState(action, IDLE);
  const errors = useMemo(() => serverFieldErrors(state), [state]);
  const base = useForm<z.input<Schema>, unknown, z.output<Schema>>({
    resolver: zodResolver(schema as never) as never,
    defaultValues,
    errors: errors as never,
    // Validate when the form is sent, then as the user corrects: an error appearing on blur would move the
    // submit button from under the pointer.
    mode: 'onSubmit',
    reValidateMode: 'onChange',
  });
  const ref = useRef<HTMLFormElement>(null);
  const hydrated = useSyncExternalStore(subscribe, () => true, () => false);

  const register = (name: Path<z.input<Schema>>, options?: RegisterOptions<z.input<Schema>>): UseFormRegisterReturn => {
    // The field's current value, not only its first: React writes defaultValue into the DOM on every render, and
    // a hidden input (whose value is its default) would otherwise lose what setValue put there (the gazetteer's
    // country and coordinates).
    // Before scripts run (a form sent without JavaScript and refused), the values the server got back win.
    const sent = !hydrated && state.status === 'invalid' && state.values ? valueAt(state.values, name) : undefined;
    const current = base.getValues(name);
    const start = valueAt(defaultValues, name);
    let value = sent !== undefined ? sent : current === undefined ? start : current;
    if (typeof start === 'boolean' && typeof value === 'string') value = value === 'on' || value === 'true';
    const seed = Array.isArray(value)
      ? {}
      : typeof value === 'boolean'
        ? { defaultChecked: value }
        : { defaultValue: value === undefined || value === null ? '' : String(value) };
    return { ...base.register(name, options), ...seed } as UseFormRegisterReturn;
  };
  const form = { ...base, register } as typeof base;

  const onSubmit = base.handleSubmit(() => {
    if (!ref.current) return;
    const data = new FormData(ref.current);
    startTransition(() => formAction(data));
  });

  return {
    form,
    state,
    pending,
    formProps: { ref, action: formAction, onSubmit, noValidate: true },
  };
}

'use client';

import { zodResolver } from '@hookform/resolvers/zod';
import { startTransition, useActionState, useEffect, useRef } from 'react';
import { type DefaultValues, type FieldValues, type Path, useForm } from 'react-hook-form';
import type { z } from 'zod';
import { IDLE, type ActionState } from '@/lib/action-state';

/**
 * react-hook-form and a server action on one form: the schema checks on the client first, the action checks again
 * on the server, and the server's field errors land beside the same fields. Without JavaScript the form still
 * posts to the action (use `formProps`).
 */
export function useActionForm<Schema extends z.ZodType<FieldValues, FieldValues>>(
  schema: Schema,
  action: (state: ActionState, data: FormData) => Promise<ActionState>,
  defaultValues: DefaultValues<z.input<Schema>>,
) {
  const [state, formAction, pending] = useActionState(action, IDLE);
  const form = useForm<z.input<Schema>, unknown, z.output<Schema>>({
    resolver: zodResolver(schema as never) as never,
    defaultValues,
    // Validate when the form is sent, then as the user corrects: an error appearing on blur would move the
    // submit button from under the pointer.
    mode: 'onSubmit',
    reValidateMode: 'onChange',
  });
  const ref = useRef<HTMLFormElement>(null);

  useEffect(() => {
    if (state.status !== 'invalid') return;
    for (const [field, message] of Object.entries(state.fieldErrors)) {
      if (message) form.setError(field as Path<z.input<Schema>>, { type: 'server', message: message.key });
    }
  }, [state, form]);

  const onSubmit = form.handleSubmit(() => {
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

/**
 * The fields of a form action's payload, without control characters (cleanValue), as a plain object for its zod schema: the last value of a repeated name
 * (as `Object.fromEntries` gives), except the names in `lists` (multi-selects, checkbox groups), which get every
 * value as an array. A server action is a public endpoint and its arguments are whatever the caller encoded:
 * anything but a FormData (a forged call sending a string, an array or nothing) gives `{}`, which the schema then
 * refuses field by field, instead of a TypeError and a 500.
 */
export function formFields(formData: unknown, lists: readonly string[] = []): Record<string, FormDataEntryValue | FormDataEntryValue[]> {
  if (!(formData instanceof FormData)) return {};
  const fields: Record<string, FormDataEntryValue | FormDataEntryValue[]> = {};
  for (const [name, value] of formData) fields[name] = cleanValue(value);
  for (const name of lists) fields[name] = formData.getAll(name).map(cleanValue);
  return fields;
}

/** C0 control characters except tab, line feed and carriage return, and DEL. */
const CONTROL = /[\u0000-\u0008\u000B\u000C\u000E-\u001F\u007F]/g;

/**
 * A form value without control characters: PostgreSQL cannot store NUL in text, and none of the others means
 * anything in a name or a note (a paste from a PDF or a terminal can carry them). Files pass unchanged.
 */
export function cleanValue(value: FormDataEntryValue): FormDataEntryValue {
  return typeof value === 'string' ? value.replace(CONTROL, '') : value;
}

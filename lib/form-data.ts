/**
 * The fields of a form action's payload as a plain object for its zod schema: the last value of a repeated name
 * (as `Object.fromEntries` gives), except the names in `lists` (multi-selects, checkbox groups), which get every
 * value as an array. A server action is a public endpoint and its arguments are whatever the caller encoded:
 * anything but a FormData (a forged call sending a string, an array or nothing) gives `{}`, which the schema then
 * refuses field by field, instead of a TypeError and a 500.
 */
export function formFields(formData: unknown, lists: readonly string[] = []): Record<string, FormDataEntryValue | FormDataEntryValue[]> {
  if (!(formData instanceof FormData)) return {};
  const fields: Record<string, FormDataEntryValue | FormDataEntryValue[]> = Object.fromEntries(formData);
  for (const name of lists) fields[name] = formData.getAll(name);
  return fields;
}

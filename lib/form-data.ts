/**
 * The fields of a form action's payload as a plain object for its zod schema (the last value of a repeated name,
 * as `Object.fromEntries` gives). A server action is a public endpoint and its arguments are whatever the caller
 * encoded: anything but a FormData (a forged call sending a string, an array or nothing) gives `{}`, which the
 * schema then refuses field by field, instead of a TypeError and a 500.
 */
export function formFields(formData: unknown): Record<string, FormDataEntryValue> {
  return formData instanceof FormData ? Object.fromEntries(formData) : {};
}

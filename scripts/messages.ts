import en from '../lib/i18n/messages/en.json';

/** The English text of a catalogue key ("validation.email" -> its sentence), for command-line output. */
export function englishMessage(key: string): string {
  const value = key.split('.').reduce<unknown>((o, k) => (o as Record<string, unknown> | undefined)?.[k], en);
  return typeof value === 'string' ? value : key;
}

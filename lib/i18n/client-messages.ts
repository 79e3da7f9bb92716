import type { AbstractIntlMessages } from 'next-intl';

// Which catalogue namespaces reach the browser. Each page's HTML carries the messages its client components may
// need, not the whole catalogue (20 KB a language and growing, serialised into every page).

// Public pages get none: their one client component (the language switch) takes its words as props, and the error
// boundary has its own (error-page-text.ts).
/** The sign-in page: its form shows sign-in and validation messages. */
export const LOGIN_CLIENT_NAMESPACES = ['errors', 'auth', 'validation'] as const;
/** Staff pages: forms show any action's message (a catalogue key) and label closed sets. */
export const STAFF_CLIENT_NAMESPACES = [
  'errors',
  'validation',
  'auth',
  'account',
  'users',
  'settings',
  'roles',
  'partnerships',
  'agreements',
  'files',
  'gazetteer',
  'partnershipType',
  'partnershipStatus',
  'cooperationField',
  'localityLevel',
  'agreementKind',
  'localities',
  'lifecycle',
  'approvalLevel',
  'endingParty',
  'activities',
  'activityKind',
  'activityStatus',
  'activityDirection',
  'activityPhotos',
  'calendarFeed',
  'publishedTotals',
  'imports',
] as const;

/** The given namespaces of a catalogue, for a NextIntlClientProvider. */
export function pickMessages(messages: AbstractIntlMessages, namespaces: readonly string[]): AbstractIntlMessages {
  return Object.fromEntries(namespaces.filter((n) => n in messages).map((n) => [n, messages[n]!]));
}

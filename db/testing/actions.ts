import type { ActionState } from '../../lib/action-state';

// For integration tests of server actions that end in a redirect. Tests only. Use in a test file:
//   vi.mock('@/lib/i18n/navigation', async () => (await import('@/db/testing/actions')).navigationMock);

/** What a mocked redirect throws: the place the action sent the user. */
export class Redirected extends Error {
  constructor(readonly href: unknown) {
    super('redirected');
  }
}

/** Stands in for lib/i18n/navigation: redirect() throws Redirected, as Next's throws its own error. */
export const navigationMock = {
  redirect: ({ href }: { href: unknown }): never => {
    throw new Redirected(href);
  },
};

/** Runs an action that must end in a redirect; returns where to (a path, or the href object as JSON). */
export async function redirectOf(run: Promise<ActionState>): Promise<string> {
  try {
    throw new Error(`no redirect: ${JSON.stringify(await run)}`);
  } catch (err) {
    if (err instanceof Redirected) return typeof err.href === 'string' ? err.href : JSON.stringify(err.href);
    throw err;
  }
}

/** A form's payload as an action receives it: each name once, or once per value of a list. Tests only. */
export function formDataOf(values: Record<string, string | readonly string[]>): FormData {
  const data = new FormData();
  for (const [name, value] of Object.entries(values)) for (const one of typeof value === 'string' ? [value] : value) data.append(name, one);
  return data;
}

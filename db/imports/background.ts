import 'server-only';
import { after } from 'next/server';
import { publicDataChangedByRoute } from '../../lib/cache/public-data';
import { db } from '../index';
import { runCommit, runPreview } from '../mutations/imports';
import type { Actor } from '../mutations/users';

// The preview and the commit of an import run after the response that started them (Next's after()), so the page
// answers at once and shows progress from the imports row. Outside a request (tests, scripts) they run detached.

const running = new Set<Promise<unknown>>();

function inBackground(task: () => Promise<unknown>): void {
  const run = () => {
    const p = task()
      .catch((err) => console.error({ msg: 'import task failed', error: err instanceof Error ? err.message : String(err) }))
      .finally(() => running.delete(p));
    running.add(p);
    return p;
  };
  try {
    after(run);
  } catch {
    void run(); // no request scope
  }
}

/** Starts preview run `run` of import `id` (runPreview) after the response. */
export function previewInBackground(id: string, run: number): void {
  inBackground(() => runPreview(db, id, run));
}

/** Starts the commit of import `id` by `actor` (runCommit) after the response; public pages are refreshed when it is done. */
export function commitInBackground(actor: Actor, id: string): void {
  inBackground(async () => {
    const result = await runCommit(db, actor, id);
    if (result.kind === 'ok') publicDataChangedByRoute();
  });
}

/** Resolves when every task started in this process has finished. Tests only. */
export async function backgroundSettled(): Promise<void> {
  while (running.size > 0) await Promise.all([...running]);
}

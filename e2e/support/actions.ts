import { readFileSync } from 'node:fs';

// Calls server actions the way React's client does (a multipart POST with the Next-Action header), for tests
// that need many concurrent calls or a forged request. Action ids come from the production build's manifest.

type Manifest = { node: Record<string, { filename: string; exportedName: string }> };

/** The id of the server action `exportedName` in the current build (.next/). */
export function actionId(exportedName: string): string {
  const manifest = JSON.parse(readFileSync('.next/server/server-reference-manifest.json', 'utf8')) as Manifest;
  const found = Object.entries(manifest.node).filter(([, v]) => v.exportedName === exportedName);
  if (found.length !== 1) throw new Error(`expected one server action named ${exportedName}, found ${found.length}`);
  return found[0]![0];
}

/**
 * Posts `(prevState, formData)` to a form action at `page` (the page the form lives on). React puts the FormData
 * entries first, prefixed `_1_`, and the argument list last, under `0`.
 */
export async function callFormAction(
  base: string,
  page: string,
  id: string,
  fields: Record<string, string>,
  headers: Record<string, string> = {},
): Promise<Response> {
  const body = new FormData();
  for (const [k, v] of Object.entries(fields)) body.append(`_1_${k}`, v);
  body.append('0', JSON.stringify([{ status: 'idle' }, '$K1']));
  return fetch(`${base}${page}`, {
    method: 'POST',
    body,
    headers: { 'Next-Action': id, Origin: new URL(base).origin, Accept: 'text/x-component', ...headers },
    redirect: 'manual',
  });
}

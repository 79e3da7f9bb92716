import type { Instrumentation } from 'next';

// Runs once when a server process starts. A start that cannot work must exit with a reason, not answer 500.
export async function register() {
  if (process.env.NEXT_RUNTIME !== 'nodejs') return;
  if (process.env.NEXT_PHASE === 'phase-production-build') return;
  const { startServer } = await import('./lib/startup');
  await startServer();
}

/**
 * Every error Next catches while answering a request, as one log line an operator can match to the request line
 * (scripts/server.mjs writes both as JSON, with the same request id). The path only, never the query or headers.
 */
export const onRequestError: Instrumentation.onRequestError = (error, request, context) => {
  const err = error as Error & { digest?: string };
  const requestId = request.headers['x-request-id'];
  console.error({
    msg: 'request error',
    requestId: typeof requestId === 'string' ? requestId : undefined,
    method: request.method,
    path: request.path.split('?')[0],
    route: context.routePath,
    routeType: context.routeType,
    error: err,
  });
};

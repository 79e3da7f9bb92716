// `npm start`: the production server. Next's request handler behind our own HTTP server, for three things
// `next start` does not do:
// - Any listening address works (`-H 127.0.0.1`, `-H ::1`, `-H 0.0.0.0`). Next is always told its host is
//   `localhost`, so the URL it gives the proxy and the URL it resolves rewrites against agree; with
//   `next start -H 127.0.0.1` they differ and next-intl's locale rewrite redirected forever.
// - One JSON line per request (request id, method, path, status, duration) and per log or error, with the
//   request id sent back in `X-Request-Id`.
// - A graceful stop: on SIGTERM or SIGINT it stops accepting connections, finishes the requests in flight, closes
//   the database (the PostgreSQL pool, or PGlite cleanly) and exits 0.
import { randomUUID } from 'node:crypto';
import { createServer } from 'node:http';
import { format } from 'node:util';
import next from 'next';

const STOP_GRACE_MS = Number(process.env.AMITY_STOP_GRACE_SECONDS ?? 20) * 1000;

// ---- logging: every line on stdout/stderr is one JSON object -------------------------------------------------

// Values that must never reach a log line, whatever the message: cookies, bearer tokens, passwords, and the
// parameters drizzle appends to a failed query's message (they can hold emails or hashes).
const SECRETS = [
  [/(authjs\.[\w.-]*=)[^;\s"]+/gi, '$1[redacted]'],
  [/(bearer\s+)[\w.~+/-]+=*/gi, '$1[redacted]'],
  [/("?password"?\s*[:=]\s*)("[^"]*"|\S+)/gi, '$1[redacted]'],
  [/(\bparams:\s*).*$/gims, '$1[redacted]'],
  [/(postgres(?:ql)?:\/\/[^:/@\s]+:)[^@\s]+@/gi, '$1[redacted]@'],
];

/** Removes secrets from a log text. */
export function redact(text) {
  return SECRETS.reduce((t, [re, to]) => t.replace(re, to), text);
}

function errorFields(err) {
  return { name: err.name, message: redact(String(err.message)).slice(0, 2000), digest: err.digest, stack: redact(String(err.stack ?? '')).slice(0, 4000) };
}

/** Writes one JSON log line. A plain object as the only argument is merged into the line. */
export function log(level, args) {
  const line = { time: new Date().toISOString(), level };
  if (args.length === 1 && args[0] && typeof args[0] === 'object' && !(args[0] instanceof Error)) {
    Object.assign(line, args[0]);
    if (line.error instanceof Error) line.error = errorFields(line.error);
    if (typeof line.msg === 'string') line.msg = redact(line.msg);
  } else {
    const err = args.find((a) => a instanceof Error);
    // Next prefixes its own lines with coloured markers; a log collector wants the text.
    line.msg = redact(format(...args.map((a) => (a instanceof Error ? a.message : a))))
      .replace(/\x1b\[[0-9;]*m/g, '')
      .trim();
    if (err) line.error = errorFields(err);
  }
  if (logsClosed) return;
  const out = level === 'error' || level === 'warn' ? process.stderr : process.stdout;
  if (out.destroyed || out.writableEnded) return;
  out.write(`${JSON.stringify(line)}\n`);
}

// A log pipe that closes (the terminal or supervisor went away) must not take the server down, nor send it
// spinning on write errors that are themselves logged: the lines are dropped instead.
let logsClosed = false;
for (const stream of [process.stdout, process.stderr]) {
  stream.on('error', (err) => {
    if (err.code === 'EPIPE' || err.code === 'ERR_STREAM_DESTROYED') logsClosed = true;
  });
}

console.log = (...a) => log('info', a);
console.info = (...a) => log('info', a);
console.warn = (...a) => log('warn', a);
console.error = (...a) => log('error', a);

// ---- arguments ----------------------------------------------------------------------------------------------

function parseArgs(argv) {
  const opts = { port: Number(process.env.PORT || 3000), host: undefined };
  for (let i = 0; i < argv.length; i++) {
    const [flag, inline] = argv[i].split('=', 2);
    const value = () => inline ?? argv[++i];
    if (flag === '-p' || flag === '--port') opts.port = Number(value());
    else if (flag === '-H' || flag === '--hostname') opts.host = value();
    else {
      log('error', [{ msg: `amity: cannot start: unknown option ${argv[i]} (use -p PORT and -H ADDRESS)` }]);
      process.exit(1);
    }
  }
  if (!Number.isInteger(opts.port) || opts.port < 0 || opts.port > 65535) {
    log('error', [{ msg: `amity: cannot start: invalid port ${opts.port}` }]);
    process.exit(1);
  }
  return opts;
}

const { port, host } = parseArgs(process.argv.slice(2));
process.env.NODE_ENV ||= 'production';

// ---- server -------------------------------------------------------------------------------------------------

const app = next({ dev: false, dir: process.cwd(), hostname: 'localhost', port, quiet: true });
const handle = app.getRequestHandler();

// A request id from our own reverse proxy (nginx's $request_id) is kept so both logs share it; anything else is
// replaced.
const REQUEST_ID = /^[A-Za-z0-9._-]{8,128}$/;
let stopping = false;
let inFlight = 0;

const METHODS = new Set(['GET', 'HEAD', 'POST', 'PUT', 'PATCH', 'DELETE', 'OPTIONS']);

function decodablePath(url) {
  try {
    decodeURIComponent((url ?? '/').split('?')[0]);
    return true;
  } catch {
    return false;
  }
}

const server = createServer((req, res) => {
  const started = process.hrtime.bigint();
  const incoming = req.headers['x-request-id'];
  const requestId = typeof incoming === 'string' && REQUEST_ID.test(incoming) ? incoming : randomUUID();
  req.headers['x-request-id'] = requestId;
  res.setHeader('X-Request-Id', requestId);
  if (stopping) res.setHeader('Connection', 'close');
  inFlight++;
  let done = false;
  const finish = () => {
    if (done) return;
    done = true;
    inFlight--;
    // The path only: a query string can carry a token (a calendar feed's secret) or personal data.
    const path = (req.url ?? '/').split('?')[0].slice(0, 500);
    log(res.statusCode >= 500 ? 'error' : 'info', [
      {
        msg: 'request',
        requestId,
        method: req.method,
        path,
        status: res.statusCode,
        durationMs: Math.round(Number(process.hrtime.bigint() - started) / 1e5) / 10,
        ...(res.writableFinished ? {} : { aborted: true }),
      },
    ]);
  };
  res.on('finish', finish);
  res.on('close', finish);
  // TRACE, CONNECT and unknown methods mean nothing to this app (Next would answer TRACE with a 500).
  if (!METHODS.has(req.method ?? '')) {
    res.writeHead(405, { Allow: [...METHODS].join(', '), 'Content-Type': 'text/plain; charset=utf-8', 'X-Content-Type-Options': 'nosniff' });
    res.end('Method not allowed');
    return;
  }
  // proxy.ts checks every page's path and query; build files under /_next/ never reach it, and Next answers a
  // path it cannot decode there with a 500.
  if (!decodablePath(req.url)) {
    res.writeHead(400, { 'Content-Type': 'text/plain; charset=utf-8', 'X-Content-Type-Options': 'nosniff' });
    res.end('Bad request');
    return;
  }
  Promise.resolve(handle(req, res)).catch((err) => {
    log('error', [{ msg: 'unhandled request error', requestId, error: err }]);
    if (!res.headersSent) {
      res.statusCode = 500;
      res.end();
    }
  });
});
server.keepAliveTimeout = 65_000;

async function closeDatabase() {
  // db/index.ts keeps the process's one connection on globalThis under this symbol.
  const connection = globalThis[Symbol.for('amity.db')];
  if (connection) await connection.close();
}

async function stop(signal) {
  if (stopping) return;
  stopping = true;
  log('info', [{ msg: 'stopping', signal, inFlight }]);
  // Requests a client has already sent may still sit unread in a socket buffer (a busy server reads them a moment
  // later); Node counts such a connection as idle and server.close() would reset it. One short pause lets the
  // event loop read them, so they are answered (with Connection: close) instead of cut.
  await new Promise((resolve) => setTimeout(resolve, 250));
  const closed = new Promise((resolve) => server.close(resolve));
  // Idle keep-alive connections would hold server.close() open; busy ones close after their response.
  const sweep = setInterval(() => server.closeIdleConnections(), 100);
  server.closeIdleConnections();
  const grace = new Promise((resolve) => setTimeout(() => resolve('timeout'), STOP_GRACE_MS).unref());
  const outcome = await Promise.race([closed.then(() => 'closed'), grace]);
  clearInterval(sweep);
  if (outcome === 'timeout') {
    log('warn', [{ msg: `requests still running after ${STOP_GRACE_MS / 1000} s; closing their connections`, inFlight }]);
    server.closeAllConnections();
  }
  let code = outcome === 'timeout' ? 1 : 0;
  try {
    await app.close();
  } catch (err) {
    log('error', [{ msg: 'closing Next failed', error: err }]);
  }
  try {
    await closeDatabase();
  } catch (err) {
    log('error', [{ msg: 'closing the database failed', error: err }]);
    code = 1;
  }
  log('info', [{ msg: 'stopped', signal }]);
  process.exit(code);
}

process.on('SIGTERM', () => void stop('SIGTERM'));
process.on('SIGINT', () => void stop('SIGINT'));

// instrumentation.ts runs here: it checks the configuration, reaches the database and migrates, and exits with a
// one-line reason when it cannot.
await app.prepare();
server.on('error', (err) => {
  log('error', [{ msg: `amity: cannot start: ${err.code === 'EADDRINUSE' ? `address in use: ${host ?? '*'}:${port}` : err.message}` }]);
  process.exit(1);
});
server.listen(port, host, () => {
  const address = server.address();
  // Where Next fetches its own pages (a server action's redirect target): this process, over plain HTTP, at an
  // address it listens on. `next start` sets the same; without it Next would build the URL from the request's
  // X-Forwarded-Proto and Host, which behind an HTTPS proxy point back at the proxy, not here.
  const local = typeof address === 'object' && address ? address : null;
  const reach = !local || local.address === '::' || local.address === '0.0.0.0' ? '127.0.0.1' : local.family === 'IPv6' ? `[${local.address}]` : local.address;
  process.env.__NEXT_PRIVATE_ORIGIN = `http://${reach}:${local?.port ?? port}`;
  const shown = typeof address === 'object' && address ? `${address.family === 'IPv6' ? `[${address.address}]` : address.address}:${address.port}` : String(address);
  log('info', [{ msg: `amity: listening on ${shown}`, pid: process.pid }]);
});

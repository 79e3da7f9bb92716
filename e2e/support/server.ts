import { type ChildProcess, spawn } from 'node:child_process';

// Starts extra production servers for the specs that need their own (listening addresses, stopping, two
// instances behind nginx). The build in .next/ is the one the main e2e server runs.

export interface RunningServer {
  child: ChildProcess;
  base: string;
  /** Everything the process printed so far. */
  output(): string;
  /** The JSON log lines printed so far. */
  logLines(): Array<Record<string, unknown>>;
  /** Resolves with the exit code once the process has ended. */
  exited: Promise<number | null>;
  stop(signal?: NodeJS.Signals): Promise<number | null>;
}

export interface StartOptions {
  port: number;
  env?: Record<string, string | undefined>;
  /** Arguments after the script (default: `-p PORT`). */
  args?: string[];
  /** Where to reach it (default http://127.0.0.1:PORT). */
  base?: string;
  /** Start `npm start` in a process group of its own, as a terminal would (for Ctrl-C on the group). */
  viaNpm?: boolean;
}

/** Spawns `node scripts/server.mjs` (or `npm start`) and waits until /api/health answers 200. */
export async function startServer(opts: StartOptions): Promise<RunningServer> {
  const args = opts.args ?? ['-p', String(opts.port)];
  const env = { ...process.env, NODE_ENV: 'production', AUTH_SECRET: 'e2e-'.repeat(11), ...opts.env } as NodeJS.ProcessEnv;
  const child = opts.viaNpm
    ? spawn('npm', ['start', '--', ...args], { env, detached: true })
    : spawn('node', ['scripts/server.mjs', ...args], { env });
  let out = '';
  child.stdout!.on('data', (d) => (out += d));
  child.stderr!.on('data', (d) => (out += d));
  const exited = new Promise<number | null>((resolve) => child.on('exit', (code) => resolve(code)));
  const base = opts.base ?? `http://127.0.0.1:${opts.port}`;
  const server: RunningServer = {
    child,
    base,
    output: () => out,
    logLines: () =>
      out
        .split('\n')
        .filter((l) => l.startsWith('{'))
        .map((l) => JSON.parse(l) as Record<string, unknown>),
    exited,
    async stop(signal = 'SIGTERM') {
      if (child.exitCode === null) child.kill(signal);
      return exited;
    },
  };
  const deadline = Date.now() + 60_000;
  let ended = false;
  void exited.then(() => (ended = true));
  while (Date.now() < deadline && !ended) {
    try {
      const res = await fetch(`${base}/api/health`);
      if (res.status === 200) return server;
    } catch {
      // not listening yet
    }
    await new Promise((r) => setTimeout(r, 200));
  }
  child.kill('SIGKILL');
  throw new Error(`server on ${base} did not become healthy:\n${out.slice(-3000)}`);
}

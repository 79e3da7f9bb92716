import { type ChildProcess, execFileSync, spawn } from 'node:child_process';
import { existsSync, mkdirSync, readFileSync, writeFileSync } from 'node:fs';
import path from 'node:path';

// Runs the shipped deploy/amity.nginx.conf for a test: only its ports, server name and certificate are changed,
// and one header is added so a test can tell which app instance answered.

export const NGINX = ['/usr/sbin/nginx', '/usr/local/sbin/nginx', '/usr/bin/nginx'].find((p) => existsSync(p));

export interface NginxOptions {
  dir: string;
  httpsPort: number;
  httpPort: number;
  upstreams: number[];
}

/** Writes nginx.conf into `dir` from the shipped configuration, with a fresh self-signed certificate. */
export function writeNginxConfig({ dir, httpsPort, httpPort, upstreams }: NginxOptions): string {
  mkdirSync(dir, { recursive: true });
  const cert = path.join(dir, 'cert.pem');
  const key = path.join(dir, 'key.pem');
  execFileSync('openssl', ['req', '-x509', '-newkey', 'rsa:2048', '-nodes', '-keyout', key, '-out', cert, '-days', '2', '-subj', '/CN=127.0.0.1'], {
    stdio: 'ignore',
  });
  let site = readFileSync('deploy/amity.nginx.conf', 'utf8');
  const servers = site.match(/^\s*server 127\.0\.0\.1:\d+[^\n]*$/gm) ?? [];
  if (servers.length !== upstreams.length) throw new Error(`deploy/amity.nginx.conf has ${servers.length} upstream servers, the test starts ${upstreams.length}`);
  servers.forEach((line, i) => (site = site.replace(line, line.replace(/:\d+/, `:${upstreams[i]}`))));
  site = site
    .replace(/^\s*listen \[::\]:\d+[^\n]*\n/gm, '')
    .replace(/listen 80;/, `listen 127.0.0.1:${httpPort};`)
    .replace(/listen 443 ssl/, `listen 127.0.0.1:${httpsPort} ssl`)
    .replace(/server_name [^;]+;/g, 'server_name 127.0.0.1;')
    .replace(/ssl_certificate\s+[^;]+;/, `ssl_certificate ${cert};`)
    .replace(/ssl_certificate_key\s+[^;]+;/, `ssl_certificate_key ${key};`)
    .replace(/\/var\/log\/nginx\//g, `${dir}/`)
    .replace(/(location \/ \{\n)/, '$1        add_header X-Amity-Upstream $upstream_addr always;\n');
  writeFileSync(path.join(dir, 'amity.conf'), site);
  const temp = ['client_body', 'proxy', 'fastcgi', 'uwsgi', 'scgi'];
  for (const t of temp) mkdirSync(path.join(dir, t), { recursive: true });
  const main = [
    'daemon off;',
    // Workers run as root only in this throwaway setup, so they can use the temporary folders made here.
    ...(process.getuid?.() === 0 ? ['user root;'] : []),
    'worker_processes 1;',
    `pid ${path.join(dir, 'nginx.pid')};`,
    `error_log ${path.join(dir, 'error.log')} warn;`,
    'events { worker_connections 256; }',
    'http {',
    `  access_log ${path.join(dir, 'access.log')};`,
    ...temp.map((t) => `  ${t}_temp_path ${path.join(dir, t)};`),
    `  include ${path.join(dir, 'amity.conf')};`,
    '}',
  ].join('\n');
  const conf = path.join(dir, 'nginx.conf');
  writeFileSync(conf, `${main}\n`);
  return conf;
}

/** Starts nginx in the foreground on a configuration written by writeNginxConfig; resolves once it answers. */
export async function startNginx(conf: string, probeUrl: string): Promise<ChildProcess> {
  if (!NGINX) throw new Error('nginx is not installed (Debian: apt-get install nginx)');
  execFileSync(NGINX, ['-t', '-c', conf, '-p', path.dirname(conf)], { stdio: 'pipe' });
  const child = spawn(NGINX, ['-c', conf, '-p', path.dirname(conf)], { stdio: 'inherit' });
  const deadline = Date.now() + 15_000;
  while (Date.now() < deadline) {
    try {
      await fetch(probeUrl, { redirect: 'manual' });
      return child;
    } catch {
      await new Promise((r) => setTimeout(r, 100));
    }
  }
  child.kill('SIGKILL');
  throw new Error(`nginx did not answer on ${probeUrl}`);
}

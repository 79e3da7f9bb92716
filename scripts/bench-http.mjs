// `npm run bench:http -- URL [concurrency] [requests]`: a bounded load on one page of a running server on this
// machine (loopback only), e.g. `npm run bench:http -- http://127.0.0.1:3000/partners 10 2000`.
import { performance } from 'node:perf_hooks';

const [url, concurrencyArg = '10', totalArg = '2000'] = process.argv.slice(2);
if (!url) {
  console.error('usage: npm run bench:http -- URL [concurrency] [requests]');
  process.exit(2);
}
const host = new URL(url).hostname;
if (!['127.0.0.1', 'localhost', '[::1]', '::1'].includes(host)) {
  console.error('bench:http only loads servers on this machine (127.0.0.1, localhost, ::1)');
  process.exit(2);
}
const concurrency = Math.min(Number(concurrencyArg), 64);
const total = Math.min(Number(totalArg), 20_000);
const deadline = performance.now() + 120_000;

const latencies = [];
let failures = 0;
let next = 0;
async function worker() {
  while (next < total && performance.now() < deadline) {
    next++;
    const t = performance.now();
    try {
      const res = await fetch(url);
      await res.arrayBuffer();
      if (!res.ok) failures++;
    } catch {
      failures++;
    }
    latencies.push(performance.now() - t);
  }
}
await fetch(url).then((r) => r.arrayBuffer());
const start = performance.now();
await Promise.all(Array.from({ length: concurrency }, worker));
const seconds = (performance.now() - start) / 1000;
latencies.sort((a, b) => a - b);
const q = (p) => latencies[Math.min(latencies.length - 1, Math.floor(p * latencies.length))].toFixed(1);
console.log(
  `${url}: ${latencies.length} requests, concurrency ${concurrency}, ${(latencies.length / seconds).toFixed(0)} req/s, ` +
    `median ${q(0.5)} ms, p95 ${q(0.95)} ms, p99 ${q(0.99)} ms, ${failures} failed`,
);

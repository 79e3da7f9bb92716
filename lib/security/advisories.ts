// Security advisories that concern Amity's runtime dependencies, each with the versions it affects and the first
// fixed one, kept by hand: the npm advisory service is not reachable from the project's machines (`npm audit`
// answers 405), so CI cannot ask it. lib/security/advisories.test.ts reads the versions package-lock.json installs
// and fails when one falls in an affected range. Where the registry is reachable, run `npm audit --omit=dev` too.
//
// To add one: its CVE (or GHSA when it has no CVE), the package as npm names it, the affected ranges as the advisory
// gives them (semver ranges, one per release line) and the first fixed version of each line; the source is the
// advisory page. Where an advisory names only the fixed versions, the whole release line before the fix is taken as
// affected (a wider range can only flag an old version we do not run). Next.js bundles its own compiled React server packages (next/dist/compiled), so an advisory against
// react-server-dom-* that Next.js also fixed is listed again for `next` with the Next.js versions that fixed it.

/** One advisory against one npm package. */
export interface Advisory {
  /** CVE identifier, or the GHSA one when there is no CVE. */
  id: string;
  /** The GitHub advisory, where one exists. */
  ghsa?: string;
  /** The npm package affected, as package-lock.json names it. */
  package: string;
  /** What it is, in a line. */
  summary: string;
  /** Affected versions as semver ranges, one per release line, each with the first version of that line that fixes it. */
  affected: Array<{ range: string; fixed: string | null }>;
  /** Where the ranges come from. */
  source: string;
}

/** The advisories checked against the installed versions (lib/security/advisories.test.ts). */
export const ADVISORIES: readonly Advisory[] = [
  {
    id: 'CVE-2025-29927',
    ghsa: 'GHSA-f82v-jwr5-mffw',
    package: 'next',
    summary: 'Authorization bypass in middleware: a request carrying x-middleware-subrequest skips it',
    affected: [
      { range: '>=11.1.4 <12.3.5', fixed: '12.3.5' },
      { range: '>=13.0.0 <13.5.9', fixed: '13.5.9' },
      { range: '>=14.0.0 <14.2.25', fixed: '14.2.25' },
      { range: '>=15.0.0 <15.2.3', fixed: '15.2.3' },
    ],
    source: 'https://github.com/vercel/next.js/security/advisories/GHSA-f82v-jwr5-mffw',
  },
  {
    id: 'CVE-2025-55182',
    ghsa: 'GHSA-fv66-9v8q-g76r',
    package: 'react-server-dom-webpack',
    summary: 'Unauthenticated remote code execution in React Server Components (deserialising a crafted action payload)',
    affected: [
      { range: '>=19.0.0 <19.0.1', fixed: '19.0.1' },
      { range: '>=19.1.0 <19.1.2', fixed: '19.1.2' },
      { range: '>=19.2.0 <19.2.1', fixed: '19.2.1' },
    ],
    source: 'https://github.com/facebook/react/security/advisories/GHSA-fv66-9v8q-g76r',
  },
  {
    id: 'CVE-2025-55182',
    ghsa: 'GHSA-fv66-9v8q-g76r',
    package: 'react-server-dom-turbopack',
    summary: 'The same, in the Turbopack build of the React server package',
    affected: [
      { range: '>=19.0.0 <19.0.1', fixed: '19.0.1' },
      { range: '>=19.1.0 <19.1.2', fixed: '19.1.2' },
      { range: '>=19.2.0 <19.2.1', fixed: '19.2.1' },
    ],
    source: 'https://github.com/facebook/react/security/advisories/GHSA-fv66-9v8q-g76r',
  },
  {
    // Next.js's own advisory for CVE-2025-55182 in its bundled React server packages.
    id: 'CVE-2025-66478',
    package: 'next',
    summary: 'Remote code execution through the React Server Components protocol (Next.js bundling CVE-2025-55182)',
    affected: [
      { range: '>=15.0.0 <15.0.5', fixed: '15.0.5' },
      { range: '>=15.1.0 <15.1.9', fixed: '15.1.9' },
      { range: '>=15.2.0 <15.2.6', fixed: '15.2.6' },
      { range: '>=15.3.0 <15.3.6', fixed: '15.3.6' },
      { range: '>=15.4.0 <15.4.8', fixed: '15.4.8' },
      { range: '>=15.5.0 <15.5.7', fixed: '15.5.7' },
      { range: '>=16.0.0 <16.0.7', fixed: '16.0.7' },
    ],
    source: 'https://nextjs.org/blog/CVE-2025-66478',
  },
  {
    id: 'CVE-2026-44575',
    ghsa: 'GHSA-267c-6grr-h53f',
    package: 'next',
    summary: 'Middleware/proxy bypass in App Router applications through segment-prefetch routes',
    affected: [
      { range: '>=15.2.0 <15.5.16', fixed: '15.5.16' },
      { range: '>=16.0.0 <16.2.5', fixed: '16.2.5' },
    ],
    source: 'https://github.com/advisories/GHSA-267c-6grr-h53f',
  },
  {
    id: 'CVE-2026-45109',
    ghsa: 'GHSA-26hh-7cqf-hhc6',
    package: 'next',
    summary: 'Middleware/proxy bypass through segment-prefetch routes: the incomplete fix of CVE-2026-44575 (middleware built by Turbopack)',
    affected: [
      { range: '>=15.2.0 <15.5.18', fixed: '15.5.18' },
      { range: '>=16.0.0 <16.2.6', fixed: '16.2.6' },
    ],
    source: 'https://github.com/advisories/GHSA-26hh-7cqf-hhc6',
  },
  {
    id: 'CVE-2026-44574',
    ghsa: 'GHSA-492v-c6pp-mqqv',
    package: 'next',
    summary: 'Middleware/proxy bypass through dynamic route parameter injection',
    affected: [
      { range: '>=15.0.0 <15.5.16', fixed: '15.5.16' },
      { range: '>=16.0.0 <16.2.5', fixed: '16.2.5' },
    ],
    source: 'https://github.com/advisories/GHSA-492v-c6pp-mqqv',
  },
  {
    id: 'CVE-2026-64642',
    package: 'next',
    summary: 'Middleware/proxy bypass in App Router applications built with Turbopack that have a single locale (July 2026 security release)',
    affected: [{ range: '>=16.0.0 <16.2.11', fixed: '16.2.11' }],
    source: 'https://nextjs.org/blog/july-2026-security-release',
  },
  {
    id: 'CVE-2026-126187',
    ghsa: 'GHSA-xqc2-xf4c-x3h3',
    package: 'react-server-dom-turbopack',
    summary: 'Unauthenticated remote code execution in React Server Components (responses carrying several typed arrays and an attacker-controlled value)',
    affected: [
      { range: '>=19.0.0 <19.0.9', fixed: '19.0.9' },
      { range: '>=19.1.0 <19.1.10', fixed: '19.1.10' },
      { range: '>=19.2.0 <19.2.9', fixed: '19.2.9' },
      { range: '>=19.3.0 <19.3.1', fixed: '19.3.1' },
    ],
    source: 'https://github.com/advisories/GHSA-xqc2-xf4c-x3h3',
  },
  {
    // Next.js ships its own compiled copy of the React server packages; no 16.3 release carries the fix.
    id: 'CVE-2026-126187',
    ghsa: 'GHSA-xqc2-xf4c-x3h3',
    package: 'next',
    summary: 'The same, in the React server packages Next.js bundles',
    affected: [{ range: '>=16.0.0 <16.4.1', fixed: '16.4.1' }],
    source: 'https://github.com/advisories/GHSA-xqc2-xf4c-x3h3',
  },
];

/** A package version package-lock.json installs that falls in an advisory's affected range. */
export interface AdvisoryFinding {
  advisory: Advisory;
  /** Where the lock file installs it: "node_modules/next", "node_modules/a/node_modules/next". */
  path: string;
  version: string;
  /** The first fixed version of its release line. */
  fixed: string | null;
}

/**
 * The installed versions that fall in an advisory's affected range, given a parsed package-lock.json (lockfile
 * version 2 or 3: its `packages` map, keyed by install path). Every copy counts, nested ones included. Uses semver's
 * range rules (prereleases of a version line are matched too).
 */
export function vulnerableInstalls(lock: { packages?: Record<string, { version?: string }> }, satisfies: (version: string, range: string) => boolean, advisories: readonly Advisory[] = ADVISORIES): AdvisoryFinding[] {
  const findings: AdvisoryFinding[] = [];
  for (const [path, entry] of Object.entries(lock.packages ?? {})) {
    if (!entry.version) continue;
    const name = path.replace(/^.*node_modules\//, '');
    for (const advisory of advisories) {
      if (advisory.package !== name) continue;
      const hit = advisory.affected.find((a) => satisfies(entry.version!, a.range));
      if (hit) findings.push({ advisory, path, version: entry.version, fixed: hit.fixed });
    }
  }
  return findings;
}

/** Session and throttling limits, from the environment with the defaults. */
export function authPolicy(env: Record<string, string | undefined> = process.env) {
  const num = (name: string, fallback: number) => {
    const v = Number(env[name]);
    return Number.isFinite(v) && v > 0 ? v : fallback;
  };
  return {
    idleMs: num('AMITY_SESSION_IDLE_MINUTES', 30) * 60_000,
    absoluteMs: num('AMITY_SESSION_MAX_HOURS', 12) * 3_600_000,
    throttleWindowMs: 15 * 60_000,
    maxFailuresPerAccount: 5,
    maxFailuresPerAddress: 20,
    // How often a live session's last-seen time is written: bounds the writes per active user.
    touchEveryMs: 60_000,
  };
}

export type AuthPolicy = ReturnType<typeof authPolicy>;

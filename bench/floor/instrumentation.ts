// The floor starts nothing of Amity's: without a file of its own here, the build would take the repository's
// instrumentation.ts (database, migrations) from the workspace root.
export function register(): void {}

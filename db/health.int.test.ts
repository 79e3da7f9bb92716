import { describe, expect, it } from 'vitest';
import { openDatabase } from './client';
import { checkDatabase } from './health';

describe('checkDatabase', () => {
  it('is true when the database answers', async () => {
    expect(await checkDatabase()).toBe(true);
  });

  it('is false, without throwing, when the database cannot be reached', async () => {
    const unreachable = openDatabase({ kind: 'postgres', url: 'postgres://nobody@127.0.0.1:9/none' });
    try {
      expect(await checkDatabase(unreachable.db, 2_000)).toBe(false);
    } finally {
      await unreachable.close();
    }
  });
});

import { describe, expect, it } from 'vitest';
import { can, type Capability } from './permissions';
import type { Role } from './domain';

const table: [Role, Capability, boolean][] = [
  ['admin', 'registry:read', true],
  ['admin', 'registry:write', true],
  ['admin', 'registry:restore', true],
  ['admin', 'users:manage', true],
  ['admin', 'settings:manage', true],
  ['admin', 'audit:read', true],
  ['editor', 'registry:read', true],
  ['editor', 'registry:write', true],
  ['editor', 'registry:restore', false],
  ['editor', 'users:manage', false],
  ['editor', 'settings:manage', false],
  ['editor', 'audit:read', false],
  ['viewer', 'registry:read', true],
  ['viewer', 'registry:write', false],
  ['viewer', 'registry:restore', false],
  ['viewer', 'users:manage', false],
  ['viewer', 'settings:manage', false],
  ['viewer', 'audit:read', false],
];

describe('can', () => {
  it.each(table)('%s may %s: %s', (role, capability, allowed) => {
    expect(can(role, capability)).toBe(allowed);
  });
});

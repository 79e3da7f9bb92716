import type { Role } from './domain';

// What each role may do. Pure: the guards, the actions and the UI all ask can().
const CAPABILITIES = {
  'registry:read': ['admin', 'editor', 'viewer'],
  'registry:write': ['admin', 'editor'],
  // Deleted records are seen and brought back by admins; editors delete (softly).
  'registry:restore': ['admin'],
  'users:manage': ['admin'],
  'settings:manage': ['admin'],
  'audit:read': ['admin'],
} as const satisfies Record<string, readonly Role[]>;

export type Capability = keyof typeof CAPABILITIES;

/** Whether a role has a capability. */
export function can(role: Role, capability: Capability): boolean {
  return (CAPABILITIES[capability] as readonly Role[]).includes(role);
}

import { createHmac, randomBytes, randomInt, timingSafeEqual } from 'node:crypto';

// RFC 6238 defaults, the only parameters every authenticator app supports.
const STEP_MS = 30_000;
const DIGITS = 6;
const BASE32 = 'ABCDEFGHIJKLMNOPQRSTUVWXYZ234567';

/** A new TOTP secret: 20 random bytes (the HMAC-SHA1 key size RFC 4226 recommends) as unpadded base32. */
export function generateTotpSecret(): string {
  return base32Encode(randomBytes(20));
}

/** The RFC 4648 base32 text of the bytes, upper case, without `=` padding. */
export function base32Encode(bytes: Uint8Array): string {
  let out = '';
  let value = 0;
  let bits = 0;
  for (const byte of bytes) {
    value = ((value << 8) | byte) & 0xfff;
    bits += 8;
    while (bits >= 5) {
      out += BASE32[(value >>> (bits - 5)) & 31];
      bits -= 5;
    }
  }
  if (bits > 0) out += BASE32[(value << (5 - bits)) & 31];
  return out;
}

/** The bytes of RFC 4648 base32 text (any case, spaces and `=` ignored); throws on any other character. */
export function base32Decode(text: string): Uint8Array {
  const clean = text.replace(/[\s=]/g, '').toUpperCase();
  // 1, 3 or 6 trailing characters cannot come from any whole number of bytes.
  if ([1, 3, 6].includes(clean.length % 8)) throw new Error('Invalid base32 length');
  const out = new Uint8Array(Math.floor((clean.length * 5) / 8));
  let value = 0;
  let bits = 0;
  let i = 0;
  for (const char of clean) {
    const index = BASE32.indexOf(char);
    if (index === -1) throw new Error('Invalid base32 character');
    value = ((value << 5) | index) & 0xfff;
    bits += 5;
    if (bits >= 8) {
      out[i++] = (value >>> (bits - 8)) & 0xff;
      bits -= 8;
    }
  }
  return out;
}

function stepAt(atMs: number): number {
  if (!Number.isFinite(atMs) || atMs < 0) throw new RangeError('Invalid time');
  return Math.floor(atMs / STEP_MS);
}

function hotp(key: Uint8Array, counter: number): string {
  const message = Buffer.alloc(8);
  message.writeBigUInt64BE(BigInt(counter));
  const mac = createHmac('sha1', key).update(message).digest();
  // RFC 4226 dynamic truncation.
  const offset = mac[mac.length - 1]! & 0x0f;
  const binary = mac.readUInt32BE(offset) & 0x7fffffff;
  return String(binary % 10 ** DIGITS).padStart(DIGITS, '0');
}

/** The 6-digit TOTP code (zero-padded) for the secret at the given Unix time in milliseconds. */
export function totpCode(secretBase32: string, atMs: number): string {
  return hotp(base32Decode(secretBase32), stepAt(atMs));
}

/**
 * Whether the code is valid within ±window steps of atMs and newer than lastUsedStep; on success, the step to store
 * as the new lastUsedStep. Never throws for bad user input.
 */
export function verifyTotp(
  secretBase32: string,
  code: string,
  atMs: number,
  opts: { window?: number; lastUsedStep?: number | null } = {},
): { ok: true; step: number } | { ok: false } {
  const { window = 1, lastUsedStep = null } = opts;
  if (!Number.isInteger(window) || window < 0) throw new RangeError('Invalid window');
  // Authenticator apps display codes as "123 456", and people paste them that way.
  const given = code.replace(/\s/g, '');
  if (!/^\d{6}$/.test(given)) return { ok: false };
  const key = base32Decode(secretBase32);
  const now = stepAt(atMs);
  const givenBytes = Buffer.from(given);
  let matched: number | null = null;
  // Every candidate is checked (no early exit) so timing does not reveal which step matched; the latest match wins
  // so that storing it also blocks replay of any earlier step.
  for (let step = now - window; step <= now + window; step++) {
    if (step < 0) continue;
    const equal = timingSafeEqual(Buffer.from(hotp(key, step)), givenBytes);
    if (equal && (lastUsedStep === null || step > lastUsedStep)) matched = step;
  }
  return matched === null ? { ok: false } : { ok: true, step: matched };
}

/** The otpauth:// key URI an authenticator app imports (usually via a QR code). */
export function otpauthUri({
  secret,
  accountName,
  issuer,
}: {
  secret: string;
  accountName: string;
  issuer: string;
}): string {
  // Round-tripping validates the secret and strips any spaces or padding.
  const canonical = base32Encode(base32Decode(secret));
  const label = `${encodeURIComponent(issuer)}:${encodeURIComponent(accountName)}`;
  const query = [
    `secret=${canonical}`,
    `issuer=${encodeURIComponent(issuer)}`,
    'algorithm=SHA1',
    `digits=${DIGITS}`,
    `period=${STEP_MS / 1000}`,
  ].join('&');
  return `otpauth://totp/${label}?${query}`;
}

// No 0/o, 1/l/i: codes get read off paper and typed back in.
const RECOVERY_ALPHABET = 'abcdefghjkmnpqrstuvwxyz23456789';
const RECOVERY_GROUPS = 3;
const RECOVERY_GROUP_LENGTH = 4;

/** `count` distinct recovery codes like `abcd-efgh-jkmn` (about 59 random bits each), to show once and store hashed. */
export function generateRecoveryCodes(count = 10): string[] {
  const codes = new Set<string>();
  while (codes.size < count) {
    let raw = '';
    for (let i = 0; i < RECOVERY_GROUPS * RECOVERY_GROUP_LENGTH; i++) {
      raw += RECOVERY_ALPHABET[randomInt(RECOVERY_ALPHABET.length)];
    }
    codes.add(normalizeRecoveryCode(raw));
  }
  return [...codes];
}

/** The canonical form of a typed recovery code (lower case, dashes every 4 characters), for hashing or comparing. */
export function normalizeRecoveryCode(input: string): string {
  const raw = input.toLowerCase().replace(/[\s-]/g, '');
  return raw.match(new RegExp(`.{1,${RECOVERY_GROUP_LENGTH}}`, 'g'))?.join('-') ?? '';
}

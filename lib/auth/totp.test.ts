import { describe, expect, it } from 'vitest';
import {
  base32Decode,
  base32Encode,
  generateRecoveryCodes,
  generateTotpSecret,
  normalizeRecoveryCode,
  otpauthUri,
  totpCode,
  verifyTotp,
} from './totp';

const RFC_SECRET = base32Encode(new TextEncoder().encode('12345678901234567890'));
const T = 1_111_111_111_000; // step 37037037
const STEP = 37_037_037;

describe('base32', () => {
  it.each([
    ['', ''],
    ['f', 'MY'],
    ['fo', 'MZXQ'],
    ['foo', 'MZXW6'],
    ['foob', 'MZXW6YQ'],
    ['fooba', 'MZXW6YTB'],
    ['foobar', 'MZXW6YTBOI'],
  ])('RFC 4648 vector %j -> %s', (plain, encoded) => {
    expect(base32Encode(new TextEncoder().encode(plain))).toBe(encoded);
    expect(new TextDecoder().decode(base32Decode(encoded))).toBe(plain);
  });

  it('round-trips random bytes of every length up to 40', () => {
    for (let n = 0; n <= 40; n++) {
      const bytes = crypto.getRandomValues(new Uint8Array(n));
      expect(base32Decode(base32Encode(bytes))).toEqual(bytes);
    }
  });

  it('decodes lower case, spaces and padding', () => {
    expect(new TextDecoder().decode(base32Decode('mzxw 6ytb oi======'))).toBe('foobar');
  });

  it.each(['MZXW6YTB0I', 'MZXW6YTB1I', 'MZXW6-YTBOI', 'MZXW6YTBOÉ', 'M'])('rejects %j', (text) => {
    expect(() => base32Decode(text)).toThrow();
  });

  it('generates 20-byte secrets that differ', () => {
    const a = generateTotpSecret();
    expect(a).toMatch(/^[A-Z2-7]{32}$/);
    expect(base32Decode(a)).toHaveLength(20);
    expect(generateTotpSecret()).not.toBe(a);
  });
});

describe('totpCode', () => {
  it('has the RFC 6238 secret in base32', () => {
    expect(RFC_SECRET).toBe('GEZDGNBVGY3TQOJQGEZDGNBVGY3TQOJQ');
  });

  it.each([
    [59, '287082'],
    [1111111109, '081804'],
    [1111111111, '050471'],
    [1234567890, '005924'],
    [2000000000, '279037'],
    [20000000000, '353130'],
  ])('RFC 6238 appendix B SHA1 at %i s -> %s', (seconds, code) => {
    expect(totpCode(RFC_SECRET, seconds * 1000)).toBe(code);
  });

  it('keeps the same code within a 30 s step', () => {
    expect(totpCode(RFC_SECRET, 60_000)).toBe(totpCode(RFC_SECRET, 89_999));
    expect(totpCode(RFC_SECRET, 90_000)).not.toBe(totpCode(RFC_SECRET, 89_999));
  });
});

describe('verifyTotp', () => {
  const codeAt = (step: number) => totpCode(RFC_SECRET, step * 30_000);

  it('accepts the current code and returns its step', () => {
    expect(verifyTotp(RFC_SECRET, codeAt(STEP), T)).toEqual({ ok: true, step: STEP });
  });

  it('accepts codes with spaces around and inside', () => {
    const code = codeAt(STEP);
    expect(verifyTotp(RFC_SECRET, ` ${code.slice(0, 3)} ${code.slice(3)} `, T)).toEqual({ ok: true, step: STEP });
  });

  it('accepts one step either side by default, but not two', () => {
    expect(verifyTotp(RFC_SECRET, codeAt(STEP - 1), T)).toEqual({ ok: true, step: STEP - 1 });
    expect(verifyTotp(RFC_SECRET, codeAt(STEP + 1), T)).toEqual({ ok: true, step: STEP + 1 });
    expect(verifyTotp(RFC_SECRET, codeAt(STEP - 2), T)).toEqual({ ok: false });
    expect(verifyTotp(RFC_SECRET, codeAt(STEP + 2), T)).toEqual({ ok: false });
  });

  it('honours a wider or zero window', () => {
    expect(verifyTotp(RFC_SECRET, codeAt(STEP - 2), T, { window: 2 })).toEqual({ ok: true, step: STEP - 2 });
    expect(verifyTotp(RFC_SECRET, codeAt(STEP - 1), T, { window: 0 })).toEqual({ ok: false });
    expect(verifyTotp(RFC_SECRET, codeAt(STEP), T, { window: 0 })).toEqual({ ok: true, step: STEP });
  });

  it('rejects a replayed code and any code from an earlier step', () => {
    const first = verifyTotp(RFC_SECRET, codeAt(STEP), T);
    expect(first).toEqual({ ok: true, step: STEP });
    expect(verifyTotp(RFC_SECRET, codeAt(STEP), T, { lastUsedStep: STEP })).toEqual({ ok: false });
    expect(verifyTotp(RFC_SECRET, codeAt(STEP - 1), T, { lastUsedStep: STEP - 1 })).toEqual({ ok: false });
    expect(verifyTotp(RFC_SECRET, codeAt(STEP + 1), T, { lastUsedStep: STEP })).toEqual({ ok: true, step: STEP + 1 });
  });

  it('rejects a code for a different secret', () => {
    const other = base32Encode(new TextEncoder().encode('abcdefghijabcdefghij'));
    expect(verifyTotp(other, codeAt(STEP), T)).toEqual({ ok: false });
  });

  const malformed = ['', '28708', '2870821', 'abcdef', '287-082', '２８７０８２', '+28708'];
  it.each(malformed)('rejects malformed code %j', (code) => {
    expect(verifyTotp(RFC_SECRET, code, 59_000)).toEqual({ ok: false });
  });

  it('accepts the well-formed code those malformed ones are based on', () => {
    expect(verifyTotp(RFC_SECRET, '287082', 59_000)).toEqual({ ok: true, step: 1 });
  });
});

describe('otpauthUri', () => {
  it('builds an encoded key URI', () => {
    expect(otpauthUri({ secret: 'gezd gnbv', accountName: 'ana@example.com', issuer: 'Acme & Co' })).toBe(
      'otpauth://totp/Acme%20%26%20Co:ana%40example.com?secret=GEZDGNBV&issuer=Acme%20%26%20Co&algorithm=SHA1&digits=6&period=30',
    );
  });

  it('rejects an invalid secret', () => {
    expect(() => otpauthUri({ secret: 'not base32!', accountName: 'a', issuer: 'b' })).toThrow();
  });
});

describe('recovery codes', () => {
  it('generates ten distinct unambiguous codes by default', () => {
    const codes = generateRecoveryCodes();
    expect(codes).toHaveLength(10);
    expect(new Set(codes).size).toBe(10);
    for (const code of codes) {
      expect(code).toMatch(/^[a-km-np-z2-9]{4}-[a-km-np-z2-9]{4}-[a-km-np-z2-9]{4}$/);
      expect(code).not.toMatch(/[01oli]/);
      expect(normalizeRecoveryCode(code)).toBe(code);
    }
  });

  it('honours the count', () => {
    expect(generateRecoveryCodes(3)).toHaveLength(3);
    expect(generateRecoveryCodes(0)).toEqual([]);
  });

  it.each(['ABCD EFGH JKMN', 'abcdefghjkmn', 'abcd-efgh-jkmn', '  Abcd-EFGH jkmn ', 'abcd--efgh - jkmn'])(
    'normalizes %j',
    (input) => {
      expect(normalizeRecoveryCode(input)).toBe('abcd-efgh-jkmn');
    },
  );

  it('keeps different codes different', () => {
    expect(normalizeRecoveryCode('abcd-efgh-jkmp')).not.toBe(normalizeRecoveryCode('abcd-efgh-jkmn'));
  });
});

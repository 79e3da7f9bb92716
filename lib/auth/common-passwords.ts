import { readFileSync } from 'node:fs';
import path from 'node:path';

let listed: Set<string> | null = null;

// Read on first use, not at import, so importing this module costs nothing until a password is checked.
function list(): Set<string> {
  if (!listed) {
    const text = readFileSync(path.join(process.cwd(), 'lib/auth/common-passwords.txt'), 'utf8');
    listed = new Set(text.split(/\r?\n/).filter((line) => line !== ''));
  }
  return listed;
}

function isRepeated(s: string): boolean {
  return /^(.)\1*$/su.test(s);
}

// Steps of +1 or -1 within digits or within letters, wrapping round (9→0, z→a) so that
// "1234567890" and "123456789012" count.
function isRun(s: string): boolean {
  const alphabet = /^\d+$/.test(s) ? '0123456789' : /^[a-z]+$/.test(s) ? 'abcdefghijklmnopqrstuvwxyz' : null;
  if (!alphabet || s.length < 2) return false;
  const n = alphabet.length;
  const diff = (i: number) => (alphabet.indexOf(s[i]!) - alphabet.indexOf(s[i - 1]!) + n) % n;
  const first = diff(1);
  if (first !== 1 && first !== n - 1) return false;
  for (let i = 2; i < s.length; i++) if (diff(i) !== first) return false;
  return true;
}

function isPattern(s: string): boolean {
  return isRepeated(s) || isRun(s);
}

/**
 * Whether the password is on the common-passwords list (ignoring case and surrounding spaces), is one character
 * repeated, is a digit or letter run, or is any of those with digits and `!` appended ("password1234!").
 */
export function isCommonPassword(password: string): boolean {
  const p = password.trim().toLowerCase();
  if (p === '' || list().has(p) || isPattern(p)) return true;
  const base = p.replace(/[\d!]+$/, '');
  if (base === p || base === '') return false;
  // A short prefix such as "a" or "xy" is a pattern only trivially; "a83920175" is not a common password.
  return list().has(base) || (base.length >= 4 && isPattern(base));
}

import { describe, expect, it } from 'vitest';
import { agreementFormFields, agreementInputSchema } from './agreements';

const PARTNERSHIP = '5b2e4a43-54e4-4f33-9a6b-0f1a6d2f1c11';
const PDF = new TextEncoder().encode('%PDF-1.7\n1 0 obj\n<<>>\nendobj\ntrailer\n<<>>\n%%EOF\n');

function fd(entries: Array<[string, string | File]>) {
  const f = new FormData();
  for (const [k, v] of entries) f.append(k, v);
  return f;
}

const base: Array<[string, string | File]> = [
  ['partnershipId', PARTNERSHIP],
  ['kind', 'mou'],
  ['titleEn', 'Guangzhou–Lahore memorandum of understanding'],
  ['signed', '2021-11-19'],
  ['signedPlaceEn', 'Lahore'],
  ['cooperationFields', 'economy'],
  ['cooperationFields', 'trade'],
  ['signatories.0.side', 'home'],
  ['signatories.0.nameEn', 'Wen Guohui'],
  ['signatories.0.titleEn', 'Mayor of Guangzhou'],
  ['signatories.1.side', 'home'],
  ['signatories.1.nameEn', ''],
  ['signatories.2.side', 'partner'],
  ['signatories.2.nameEn', ''],
  ['signatories.3.side', 'partner'],
  ['signatories.3.nameEn', ''],
  // Files are uploaded apart (app/uploads); one sent along with the agreement is not part of it.
  ['file', new File([PDF], 'mou.pdf', { type: 'application/pdf' })],
];

function parse(entries: Array<[string, string | File]>) {
  return agreementInputSchema.safeParse(agreementFormFields(fd(entries)));
}
function firstIssue(entries: Array<[string, string | File]>) {
  const r = parse(entries);
  return r.success ? null : { path: r.error.issues[0]!.path.join('.'), message: r.error.issues[0]!.message };
}
const replace = (key: string, value: string | File) => base.map(([k, v]) => [k, k === key ? value : v] as [string, string | File]);

describe('agreementInputSchema with agreementFormFields', () => {
  it('reads the form: lists, signatory slots (empty ones dropped), and no file', () => {
    const r = parse(base);
    expect(r.success).toBe(true);
    expect(r.data).toMatchObject({
      kind: 'mou',
      signed: '2021-11-19',
      cooperationFields: ['economy', 'trade'],
      signatories: [{ side: 'home', nameEn: 'Wen Guohui', titleEn: 'Mayor of Guangzhou', nameZh: null, titleZh: null }],
      isPublic: false,
    });
    expect(r.data).not.toHaveProperty('file');
  });

  it.each([
    ['titleEn', '', 'titleEn', 'validation.required'],
    ['titleEn', 'x'.repeat(301), 'titleEn', 'validation.tooLong'],
    ['kind', 'treaty', 'kind', 'validation.invalid'],
    ['signed', '2999-01-01', 'signed', 'validation.futureDate'],
    ['signed', '2021-02-30', 'signed', 'validation.partialDate'],
    ['signatories.1.titleEn', 'Deputy mayor', 'signatories.1.nameEn', 'validation.signatoryName'],
  ])('refuses %s = %j', (key, value, path, message) => {
    const entries = base.some(([k]) => k === key) ? replace(key, value) : [...base, [key, value] as [string, string]];
    expect(firstIssue(entries)).toEqual({ path, message });
  });

  it('names the slot the user typed in when a title has no name', () => {
    const entries = base.map(([k, v]) => [k, k === 'signatories.0.nameEn' ? '' : k === 'signatories.0.titleEn' ? '' : v] as [string, string | File]);
    expect(firstIssue([...entries.filter(([k]) => k !== 'signatories.1.titleEn'), ['signatories.1.titleEn', 'Deputy mayor']])).toEqual({
      path: 'signatories.1.nameEn',
      message: 'validation.signatoryName',
    });
  });

  it('refuses a term that ends before the signing', () => {
    expect(firstIssue([...base, ['termEndsOn', '2021-01-01']])).toEqual({ path: 'termEndsOn', message: 'validation.endBeforeStart' });
    expect(firstIssue([...base, ['termEndsOn', '2026-11-19']])).toBeNull();
  });

  it('gives {} for a payload that is not a form', () => {
    expect(agreementFormFields('x')).toEqual({});
  });
});

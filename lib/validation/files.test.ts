import { describe, expect, it } from 'vitest';
import { looksLikePdf, MAX_FILE_BYTES, safeReturnPath, signedFileProblem, uploadFieldsSchema, uploadOutcomeSchema } from './files';

const PDF = new TextEncoder().encode('%PDF-1.7\n1 0 obj\n<<>>\nendobj\ntrailer\n<<>>\n%%EOF\n');
const EXE = new Uint8Array([0x4d, 0x5a, 0x90, 0x00, 0x03, 0x00, 0x00, 0x00]);
const P = '5b2e4a43-54e4-4f33-9a6b-0f1a6d2f1c11';
const A = '0f6a3f44-6d2e-4e4b-9a7e-3c1d2b5a6e70';

describe('looksLikePdf', () => {
  it('knows a PDF by its bytes', () => {
    expect(looksLikePdf(PDF, PDF)).toBe(true);
    expect(looksLikePdf(PDF.subarray(0, 8))).toBe(true);
  });
  it.each([
    ['a Windows program renamed .pdf', EXE, EXE],
    ['a text file', new TextEncoder().encode('hello'), new TextEncoder().encode('hello')],
    ['a PDF cut short', PDF.subarray(0, 8), PDF.subarray(0, 20)],
    ['nothing', new Uint8Array(), new Uint8Array()],
  ])('refuses %s', (_what, head, tail) => expect(looksLikePdf(head, tail)).toBe(false));
});

describe('signedFileProblem', () => {
  const facts = (size: number, bytes: Uint8Array) => ({ name: 'x.pdf', size, head: bytes.subarray(0, 8), tail: bytes });
  it.each([
    ['a PDF', facts(PDF.length, PDF), null],
    ['a PDF of exactly the limit', facts(MAX_FILE_BYTES, PDF), null],
    ['one byte more', facts(MAX_FILE_BYTES + 1, PDF), 'validation.fileTooLarge'],
    ['25 MB of anything', facts(25 * 1024 * 1024, EXE), 'validation.fileTooLarge'],
    ['a renamed program', facts(EXE.length, EXE), 'validation.notPdf'],
    ['an empty file', facts(0, new Uint8Array()), 'validation.fileEmpty'],
  ])('%s: %s', (_what, file, problem) => expect(signedFileProblem(file)).toBe(problem));
});

describe('safeReturnPath', () => {
  it.each([
    [`/partnerships/${P}`, true],
    [`/zh/partnerships/${P}/agreements/${A}`, true],
    [`/partnerships/${A}`, false],
    ['https://evil.example/', false],
    ['//evil.example/x', false],
    [`/partnerships/${P}//evil`, false],
    [`/partnerships/${P}?x=1`, false],
    [`/partnerships/${P}/\\evil`, false],
    [undefined, false],
  ])('%s is %s', (path, ok) => expect(safeReturnPath(path, P)).toBe(ok ? path : null));
});

describe('uploadFieldsSchema', () => {
  it('wants exactly one owner', () => {
    expect(uploadFieldsSchema.safeParse({ partnershipId: P, agreementId: A }).success).toBe(true);
    expect(uploadFieldsSchema.safeParse({ partnershipId: P, statusEventId: A, isPublic: 'on' }).data?.isPublic).toBe(true);
    expect(uploadFieldsSchema.safeParse({ partnershipId: P }).success).toBe(false);
    expect(uploadFieldsSchema.safeParse({ partnershipId: P, agreementId: A, statusEventId: A }).success).toBe(false);
    expect(uploadFieldsSchema.safeParse({ partnershipId: 'x', agreementId: A }).success).toBe(false);
  });
});

describe('uploadOutcomeSchema', () => {
  it('shows only known messages', () => {
    expect(uploadOutcomeSchema.parse({ fileError: 'validation.notPdf', fileOwner: A })).toEqual({ fileError: 'validation.notPdf', fileOwner: A });
    expect(uploadOutcomeSchema.parse({ fileError: 'auth.secret<script>', fileOwner: 'x' })).toEqual({});
  });
});

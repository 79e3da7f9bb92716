import { describe, expect, it } from 'vitest';
import { actionPayloadDecodes, checkRequestTarget, MAX_TARGET_LENGTH, noScriptActionDecodes, originAllowed } from './request-guard';

describe('checkRequestTarget', () => {
  it.each([
    ['/partners', ''],
    ['/partners', '?q=lahore'],
    ['/zh/partners', '?q=%E6%8B%89'],
    ['/partners', '?q=a+b&q=c'],
    ['/partners/s%C3%A3o-paulo', ''],
    ['/partners', '?q=50%25'],
    ['/partners', '?q=%09tab'],
    ['/', ''],
  ])('accepts %s%s', (path, search) => expect(checkRequestTarget(path, search)).toBeNull());

  it.each([
    ['/partners/%E0%A4%A', '', 'malformed'],
    ['/partners', '?q=%E0%A4%A', 'malformed'],
    ['/partners', '?q=%zz', 'malformed'],
    ['/partners', '?%ff=1', 'malformed'],
    ['/partners', '?q=%00', 'control'],
    ['/partners', '?q=a%00b', 'control'],
    ['/partners%00', '', 'control'],
    ['/partners', '?q=%1B%5B31m', 'control'],
    ['/partners', '?q=%7F', 'control'],
    ['/partners', `?q=${'x'.repeat(MAX_TARGET_LENGTH)}`, 'too_long'],
  ])('refuses %s%s as %s', (path, search, problem) => expect(checkRequestTarget(path, search)).toBe(problem));
});

function headers(h: Record<string, string>) {
  return new Headers(h);
}

describe('originAllowed', () => {
  it('lets safe methods and origin-less requests through', () => {
    expect(originAllowed('GET', headers({ origin: 'https://evil.example' }), null)).toBe(true);
    expect(originAllowed('POST', headers({ host: 'a.example' }), 'https://a.example')).toBe(true);
  });

  it('without a public address, wants the Origin host to be the addressed host', () => {
    expect(originAllowed('POST', headers({ origin: 'http://127.0.0.1:3000', host: '127.0.0.1:3000' }), null)).toBe(true);
    expect(originAllowed('POST', headers({ origin: 'http://evil.example', host: '127.0.0.1:3000' }), null)).toBe(false);
    expect(originAllowed('POST', headers({ origin: 'null', host: '127.0.0.1:3000' }), null)).toBe(false);
    // Behind nginx's $host the port is gone: refused until AMITY_PUBLIC_URL says what the public address is.
    expect(
      originAllowed('POST', headers({ origin: 'http://127.0.0.1:8443', host: '127.0.0.1:3000', 'x-forwarded-host': '127.0.0.1' }), null),
    ).toBe(false);
  });

  it('with a public address, wants exactly it', () => {
    const pub = 'http://127.0.0.1:8443';
    const h = { host: '127.0.0.1:3000', 'x-forwarded-host': '127.0.0.1' };
    expect(originAllowed('POST', headers({ ...h, origin: pub }), pub)).toBe(true);
    expect(originAllowed('POST', headers({ ...h, origin: 'http://127.0.0.1' }), pub)).toBe(false);
    expect(originAllowed('POST', headers({ ...h, origin: 'https://127.0.0.1:8443' }), pub)).toBe(false);
    expect(originAllowed('DELETE', headers({ ...h, origin: 'http://evil.example' }), pub)).toBe(false);
  });
});

describe('actionPayloadDecodes', () => {
  it('accepts what React sends', () => {
    expect(actionPayloadDecodes(null, '["$K1"]')).toBe(true);
    expect(actionPayloadDecodes([['_1_email', 'a@b.c'], ['0', '[{"status":"idle"},"$K1"]']], null)).toBe(true);
    expect(actionPayloadDecodes([['1', '{"a":1}'], ['0', '["$$literal"]']], null)).toBe(true);
  });

  it('refuses a body or numbered field that is not JSON, or no argument list at all', () => {
    expect(actionPayloadDecodes(null, 'garbage{')).toBe(false);
    expect(actionPayloadDecodes(null, null)).toBe(false);
    expect(actionPayloadDecodes([['0', 'garbage{']], null)).toBe(false);
    expect(actionPayloadDecodes([['0', '[]'], ['1', '{']], null)).toBe(false);
    expect(actionPayloadDecodes([['_1_email', 'a@b.c']], null)).toBe(false);
    expect(actionPayloadDecodes(null, '42')).toBe(false);
    expect(actionPayloadDecodes(null, '{"a":1}')).toBe(false);
    expect(actionPayloadDecodes([['0', '"x"']], null)).toBe(false);
  });
});

describe('actionPayloadDecodes refuses references no form sends', () => {
  it.each(['["$1"]', '["$Q1"]', '["$W1"]', '["$h1"]', '["$F1"]', '["$B1"]', '["$S"]', '[{"a":"$@2"}]', `${'['.repeat(40)}${']'.repeat(40)}`])(
    '%s',
    (body) => expect(actionPayloadDecodes(null, body)).toBe(false),
  );
  it.each(['["$$dollar"]', '[{"status":"idle"},"$K1"]', '["$undefined", "$D2026-11-29T00:00:00.000Z", "$-0"]'])('keeps %s', (body) =>
    expect(actionPayloadDecodes(null, body)).toBe(true),
  );
});

describe('noScriptActionDecodes', () => {
  const ok: Array<[string, string]> = [
    ['$ACTION_REF_1', ''],
    ['$ACTION_1:0', '{"id":"60ab","bound":"$@1"}'],
    ['$ACTION_1:1', '[{"status":"idle"}]'],
    ['email', 'a@b.c'],
  ];
  it('accepts what a form posts before JavaScript loads', () => {
    expect(noScriptActionDecodes(ok)).toBe(true);
    expect(noScriptActionDecodes([['$ACTION_ID_60ab', ''], ['email', 'x']])).toBe(true);
    expect(noScriptActionDecodes([['q', 'x']])).toBe(true);
  });
  it.each([
    ['a reference without its part', [['$ACTION_REF_1', '']]],
    ['a part that is not JSON', [['$ACTION_REF_1', ''], ['$ACTION_1:0', '{']]],
    ['a bound state that is missing', [['$ACTION_REF_1', ''], ['$ACTION_1:0', '{"id":"60ab","bound":"$@1"}']]],
    ['a bound state that is not a list', [['$ACTION_REF_1', ''], ['$ACTION_1:0', '{"id":"60ab","bound":"$@1"}'], ['$ACTION_1:1', '{}']]],
    ['a strange bound', [['$ACTION_REF_1', ''], ['$ACTION_1:0', '{"id":"60ab","bound":"$Q1"}']]],
  ] as Array<[string, Array<[string, string]>]>)('refuses %s', (_what, fields) => expect(noScriptActionDecodes(fields)).toBe(false));
});

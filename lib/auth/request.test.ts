import { describe, expect, it } from 'vitest';
import { clientIp } from './request';

const h = (xff?: string, real?: string) =>
  new Headers({ ...(xff ? { 'x-forwarded-for': xff } : {}), ...(real ? { 'x-real-ip': real } : {}) });

describe('clientIp', () => {
  it('takes the entry our one proxy added, not what the client wrote before it', () => {
    expect(clientIp(h('6.6.6.6, 203.0.113.7'), {})).toBe('203.0.113.7');
    expect(clientIp(h('203.0.113.7'), {})).toBe('203.0.113.7');
  });

  it('counts from the right by AMITY_TRUSTED_PROXIES', () => {
    expect(clientIp(h('6.6.6.6, 203.0.113.7, 10.0.0.2'), { AMITY_TRUSTED_PROXIES: '2' })).toBe('203.0.113.7');
    expect(clientIp(h('203.0.113.7'), { AMITY_TRUSTED_PROXIES: '3' })).toBe('203.0.113.7');
  });

  it('falls back to X-Real-IP, then to nothing', () => {
    expect(clientIp(h(undefined, '198.51.100.1'), {})).toBe('198.51.100.1');
    expect(clientIp(h(), {})).toBeNull();
  });

  it('ignores a nonsense setting', () => {
    expect(clientIp(h('1.1.1.1, 2.2.2.2'), { AMITY_TRUSTED_PROXIES: 'lots' })).toBe('2.2.2.2');
  });
});

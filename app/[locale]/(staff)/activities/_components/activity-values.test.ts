import { describe, expect, it } from 'vitest';
import { ACTIVITY_SLOTS } from '@/lib/validation/activities';
import { activitySpan } from './activity-span';
import { amountText, newActivityValues, partnershipLabel, withEmptySlots } from './activity-values';

const LAHORE = { partnershipId: 'p1', partnerNameEn: 'Lahore', partnerNameZh: '拉合尔', countryCode: 'PK', homeNameEn: 'Guangzhou', homeNameZh: '广州' };

describe('the activity form values', () => {
  it('offer empty slots after the rows given, and name the first partner asked for', () => {
    const values = newActivityValues('p1');
    expect(values.partners).toHaveLength(1 + ACTIVITY_SLOTS.partners.empty);
    expect(values.partners[0]).toEqual({ partnershipId: 'p1', status: 'completed' });
    expect(values.partners[1]).toEqual({ partnershipId: '', status: 'completed' });
    expect(values.quantities).toHaveLength(ACTIVITY_SLOTS.quantities.empty);
    const full = withEmptySlots({ ...values, partners: Array.from({ length: 100 }, (_, i) => ({ partnershipId: `p${i}`, status: 'completed' })) });
    expect(full.partners).toHaveLength(ACTIVITY_SLOTS.partners.max);
  });

  it('show stored amounts as typed', () => {
    expect(amountText('20000.00')).toBe('20000');
    expect(amountText('12.50')).toBe('12.5');
    expect(amountText('0.05')).toBe('0.05');
    expect(amountText('300')).toBe('300');
  });

  it('name a partnership in the reader language, with the home side when it is not the home city', () => {
    expect(partnershipLabel(LAHORE, 'en', 'Guangzhou')).toBe('Lahore · 拉合尔 (Pakistan)');
    expect(partnershipLabel(LAHORE, 'zh', 'Guangzhou')).toBe('拉合尔 · Lahore (巴基斯坦)');
    expect(partnershipLabel({ ...LAHORE, homeNameEn: 'Zhengzhou', homeNameZh: '郑州' }, 'en', 'Guangzhou')).toBe('Zhengzhou – Lahore (Pakistan)');
  });
});

describe('when an activity ran', () => {
  it('is written at each date precision, from the dates own digits', () => {
    expect(activitySpan({ startedOn: '2020-04-01', startedPrecision: 'month', endedOn: '2020-05-20', endedPrecision: 'day' }, 'en')).toBe('April 2020 – May 20, 2020');
    expect(activitySpan({ startedOn: '2020-04-01', startedPrecision: 'month', endedOn: '2020-05-20', endedPrecision: 'day' }, 'zh-CN')).toBe('2020年4月 – 2020年5月20日');
    expect(activitySpan({ startedOn: '2020-01-01', startedPrecision: 'year', endedOn: '2020-01-01', endedPrecision: 'year' }, 'en')).toBe('2020');
    expect(activitySpan({ startedOn: null, startedPrecision: null, endedOn: null, endedPrecision: null }, 'en')).toBeNull();
  });
});

import { describe, expect, it } from 'vitest';
import { quantityWords } from './quantities';

describe('quantityWords', () => {
  it('names the item in the language, groups the exact amount, and leaves no unit empty-handed', () => {
    const masks = { itemEn: 'Disposable surgical masks', itemZh: '一次性医用口罩', amount: '20000', unit: null };
    expect(quantityWords(masks, 'en')).toEqual({ item: 'Disposable surgical masks', amount: '20,000', unit: '' });
    expect(quantityWords(masks, 'zh')).toEqual({ item: '一次性医用口罩', amount: '20,000', unit: '' });
    expect(quantityWords({ ...masks, itemZh: null, unit: 'boxes' }, 'zh').item).toBe('Disposable surgical masks');
    // Beyond a float's 15 digits the amount stays as written.
    expect(quantityWords({ ...masks, amount: '1234567890123456.78' }, 'en').amount).toBe('1,234,567,890,123,456.78');
  });
});

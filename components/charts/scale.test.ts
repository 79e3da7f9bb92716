import { describe, expect, it } from 'vitest';
import { axisLabelClass, fitClass, niceTicks, textWidth } from './scale';

describe('niceTicks', () => {
  it('puts ticks at round numbers from 0 to a round top at or above the maximum', () => {
    expect(niceTicks(93)).toEqual([0, 20, 40, 60, 80, 100]);
    expect(niceTicks(10, 4)).toEqual([0, 2, 4, 6, 8, 10]);
    expect(niceTicks(1234.5, 3)).toEqual([0, 500, 1000, 1500]);
    expect(niceTicks(38, 3)).toEqual([0, 10, 20, 30, 40]);
  });

  it('keeps counts whole, and allows fractions only when asked', () => {
    expect(niceTicks(3)).toEqual([0, 1, 2, 3]);
    expect(niceTicks(1)).toEqual([0, 1]);
    expect(niceTicks(0.37, 4, false)).toEqual([0, 0.1, 0.2, 0.3, 0.4]);
  });

  it('gives an empty or broken maximum an axis from 0 to 1', () => {
    expect(niceTicks(0)).toEqual([0, 1]);
    expect(niceTicks(-5)).toEqual([0, 1]);
    expect(niceTicks(Number.NaN)).toEqual([0, 1]);
  });

  it('steps by 1, 2 or 5 times a power of ten for any maximum', () => {
    for (let max = 1; max < 5000; max = Math.ceil(max * 1.37)) {
      const ticks = niceTicks(max, 5);
      const step = ticks[1]!;
      const power = 10 ** Math.floor(Math.log10(step));
      expect([1, 2, 5]).toContain(step / power);
      expect(ticks.every((t, i) => t === i * step)).toBe(true);
      expect(ticks.at(-1)!).toBeGreaterThanOrEqual(max);
      expect(ticks.at(-2)!).toBeLessThan(max);
      expect(ticks.length).toBeLessThanOrEqual(11);
    }
  });
});

describe('which labels fit', () => {
  it('measures Chinese characters about twice as wide as Latin ones', () => {
    expect(textWidth('1979', 10)).toBeCloseTo(24);
    expect(textWidth('日本', 10)).toBeCloseTo(20);
  });

  it('shows a label always, from a wider chart, or never', () => {
    expect(fitClass(0.5, 100)).toBe('');
    expect(fitClass(0.25, 100)).toBe('@max-md:hidden');
    expect(fitClass(0.12, 100)).toBe('@max-4xl:hidden');
    expect(fitClass(0.1, 100)).toBeNull();
  });

  it('labels 48 years every 10th on a phone, every 5th when wider, and the others never', () => {
    const band = 0.019; // 1.9% of the width each: 5.7 px at 300 px, 17 px at 896 px
    expect(axisLabelClass(1980, band, 32)).toBe('');
    expect(axisLabelClass(2020, band, 32)).toBe('');
    expect(axisLabelClass(1985, band, 32)).toBe('@max-md:hidden');
    expect(axisLabelClass(1979, band, 32)).toBeNull();
    // Wide bands: every label always.
    expect(axisLabelClass(3, 0.2, 32)).toBe('');
  });
});

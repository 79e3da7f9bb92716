import { describe, expect, it } from 'vitest';
import { arcPath, escapeXml, landPath, MAP_WIDTH, mapFrame, projectPoint } from './geometry';

describe('the network map geometry', () => {
  it('draws the land once per centre meridian, small and in whole units', () => {
    const land = landPath(113.3);
    expect(landPath(113)).toBe(land);
    expect(land.length).toBeGreaterThan(8_000);
    expect(land.length).toBeLessThan(15_000);
    expect(land).toMatch(/^M\d+ \d+l/);
    expect(land).not.toMatch(/\.\d/);
  });

  it('centres the map on the home meridian and crops Antarctica', () => {
    const frame = mapFrame(113);
    expect(projectPoint(frame, [113, 0])).toEqual([MAP_WIDTH / 2, expect.any(Number)]);
    expect(frame.height).toBeGreaterThan(400);
    expect(frame.height).toBeLessThan(MAP_WIDTH / 2);
    const [, south] = projectPoint(frame, [0, -58])!;
    expect(south).toBeLessThanOrEqual(frame.height);
  });

  it('draws an arc from Guangzhou to Lahore as one great-circle piece, and splits one across the map edge', () => {
    const frame = mapFrame(113.27);
    const arc = arcPath(frame, [113.27, 23.13], [74.34, 31.55]);
    expect(arc.match(/M/g)).toHaveLength(1);
    expect(arc).toMatch(/^M\d+ \d+l/);
    // A line across the meridian opposite Guangzhou (66.7° W), the map's edge, comes in two pieces.
    expect(arcPath(frame, [-60, 10], [-75, 10]).match(/M/g)).toHaveLength(2);
  });
});

describe('escapeXml', () => {
  it('leaves no markup and no way out of a quoted attribute', () => {
    expect(escapeXml(`<script>alert("x")</script> & 'quotes'`)).toBe('&lt;script&gt;alert(&quot;x&quot;)&lt;/script&gt; &amp; &#39;quotes&#39;');
    expect(escapeXml('Łódź, 拉合尔')).toBe('Łódź, 拉合尔');
  });
});

import { describe, expect, it } from 'vitest';
import { isNearName, nameKey, resolveCountry } from './names';

describe('nameKey', () => {
  it.each([
    ['Linköping', 'Linkoping'],
    ['Ōita', 'Oita'],
    ['Łódź', 'Lodz'],
    ['São Paulo', 'sao paulo'],
    ['Bình Dương Province', 'Binh Duong Province'],
    ['Saint-Étienne', 'saint etienne'],
    ['Xi’an', "Xi'an"],
    ["Xi'an", 'Xian'],
    ['St. Petersburg', 'St Petersburg'],
    ['  Los   Angeles ', 'los angeles'],
    ['ＦＵＫＵＯＫＡ', 'fukuoka'],
    ['İzmir', 'izmir'],
    ['Ærøskøbing', 'aeroskobing'],
    ['Port-au-Prince', 'port au prince'],
    ['圣·彼得堡', '圣彼得堡'],
    ['福冈 ', '福冈'],
  ])('gives %j and %j the same key', (a, b) => {
    expect(nameKey(a)).toBe(nameKey(b));
  });

  it('keeps what tells names apart', () => {
    expect(nameKey('Linköping')).toBe('linkoping');
    expect(nameKey('Kent')).not.toBe(nameKey('Kent County'));
    // Kana voicing marks change a Japanese name: か and が stay apart.
    expect(nameKey('かがわ')).not.toBe(nameKey('かかわ'));
    expect(nameKey('부산')).toBe('부산');
  });
});

describe('isNearName', () => {
  it.each([
    ['Vitoria', 'Victoria'],
    ['Kiev', 'Kyiv'],
    ['Gothenburg', 'Gotenburg'],
    ['Linkoping', 'Linkeping'],
    ['洛杉矶', '洛杉机'],
    ['Durban', 'Durbam'],
  ])('takes %j and %j for near', (a, b) => {
    expect(isNearName(a, b)).toBe(true);
    expect(isNearName(b, a)).toBe(true);
  });

  it.each([
    ['Linköping', 'Linkoping'], // the same name, not a near one
    ['Fukuoka', 'Osaka'],
    ['Ufa', 'Ica'],
    ['Bari', 'Lima'],
    ['Victoria', 'Vitoria-Gasteiz'],
    ['', 'A'],
    ['福冈', '大阪'],
  ])('does not take %j and %j for near', (a, b) => {
    expect(isNearName(a, b)).toBe(false);
  });
});

describe('resolveCountry', () => {
  it.each([
    ['中国', 'CN'],
    ['日本', 'JP'],
    ['Japan', 'JP'],
    ['JPN', 'JP'],
    ['jp', 'JP'],
    [' JP ', 'JP'],
    ['United States', 'US'],
    ['USA', 'US'],
    ['美国', 'US'],
    ['United States of America', 'US'],
    ['South Korea', 'KR'],
    ['Korea, Republic of', 'KR'],
    ['韩国', 'KR'],
    ['大韩民国', 'KR'],
    ['南韓', 'KR'],
    ['Republic of Korea', 'KR'],
    ['朝鲜', 'KP'],
    ['United Kingdom', 'GB'],
    ['UK', 'GB'],
    ['England', 'GB'],
    ['英国', 'GB'],
    ['Türkiye', 'TR'],
    ['Turkey', 'TR'],
    ['turkiye', 'TR'],
    ["Cote d'Ivoire", 'CI'],
    ['Côte d’Ivoire', 'CI'],
    ['Viet Nam', 'VN'],
    ['Vietnam', 'VN'],
    ['越南', 'VN'],
    ['Russian Federation', 'RU'],
    ['俄罗斯', 'RU'],
    ['Myanmar', 'MM'],
    ['Czech Republic', 'CZ'],
    ['Czechia', 'CZ'],
    ['Deutschland', 'DE'],
    ['ＪＰ', 'JP'],
    ['UAE', 'AE'],
    ['DR Congo', 'CD'],
    ['刚果（金）', 'CD'],
    ['Republic of the Congo', 'CG'],
    ['The Netherlands', 'NL'],
    ['The Gambia', 'GM'],
  ])('reads %j as %s', (text, code) => {
    expect(resolveCountry(text)).toBe(code);
  });

  it.each(['', '  ', 'XX', 'ZZZ', 'Atlantis', 'Korea', '火星'])('finds no country in %j', (text) => {
    expect(resolveCountry(text)).toBeNull();
  });

  it("reads every country of the shared dataset by its code and by its English name alike", async () => {
    const { readFileSync } = await import('node:fs');
    const { parseCsv } = await import('../csv');
    const rows = parseCsv(readFileSync(new URL('../../db/seed/data/guangzhou-partner-cities.csv', import.meta.url), 'utf8'));
    expect(rows.length).toBeGreaterThan(90);
    for (const row of rows) {
      expect(resolveCountry(row.country_code!), row.city_en).toBe(row.country_code);
      expect(resolveCountry(row.country_en!), row.country_en).toBe(row.country_code);
    }
  });
});

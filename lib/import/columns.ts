// The fields a row of an import can fill, and the mapping of a file's columns onto them proposed from its header.
// The field names are the staff export's stable column names (app/[locale]/(staff)/partnerships/export/route.ts),
// so an exported file maps onto itself; the other names are those of the shared dataset and of office spreadsheets.

/**
 * The fields of an import row, named after the export's columns where it has one:
 * - `id`: the partnership's id in an exported file (an update of that tie);
 * - `partner_en`, `partner_zh`: the partner locality's names; `partner_country`: its country as a code or a name;
 *   `partner_country_name`: a second country column (the shared dataset's `country_en` beside `country_code`),
 *   which must name the same country; `partner_level`: city, province, county, district or region;
 * - `home_en`, `home_zh`: the home side as an exported file names it;
 * - `type`, `status`: the tie's type and status;
 * - `established`: its date as text in any format of lib/import/dates.ts; `established_year`: a second date column
 *   (combined with the first by combineImportDates: they must agree, the more precise wins);
 *   `established_precision`: the export's precision column; `established_basis`: the document it rests on;
 * - `cooperation_fields` (a list), `public` (yes or no), `summary_en`, `summary_zh`;
 * - `latitude`, `longitude` (of the partner locality, WGS84 decimal degrees), `wikidata_id` (Q123);
 * - `sources` (a list of URLs or references), `notes` (internal notes);
 * - `deleted`: the export's deletion time; a row that has one is a deleted tie.
 */
export const IMPORT_FIELDS = [
  'id',
  'partner_en',
  'partner_zh',
  'partner_country',
  'partner_country_name',
  'partner_level',
  'home_en',
  'home_zh',
  'type',
  'status',
  'established',
  'established_year',
  'established_precision',
  'established_basis',
  'cooperation_fields',
  'public',
  'summary_en',
  'summary_zh',
  'latitude',
  'longitude',
  'wikidata_id',
  'sources',
  'notes',
  'deleted',
] as const;
export type ImportField = (typeof IMPORT_FIELDS)[number];

/** At least one field of each group must be mapped for a file to be importable: a name and a country. */
export const REQUIRED_FIELD_GROUPS: ReadonlyArray<readonly ImportField[]> = [
  ['partner_en', 'partner_zh'],
  ['partner_country', 'partner_country_name'],
];

// Header names per field, in English, Chinese and the forms of the export and the shared dataset. Matched after
// headerKey (case, width, spaces, underscores, hyphens, dots and brackets ignored), whole names only: a header
// matches a field when its key is one of these keys. Order matters between fields only through IMPORT_FIELDS.
const HEADER_NAMES: Record<ImportField, string[]> = {
  id: ['id', 'partnership_id', 'uuid'],
  partner_en: [
    'partner_en',
    'partner',
    'partner_name',
    'partner_name_en',
    'partner_city',
    'city_en',
    'city',
    'city_name',
    'city_name_en',
    'name_en',
    'name',
    'english_name',
    'name_english',
    'locality',
    'locality_en',
    'sister_city',
    '英文名',
    '英文名称',
    '城市英文名',
    '城市英文名称',
    '外文名',
    '外文名称',
    '英文',
  ],
  partner_zh: [
    'partner_zh',
    'partner_name_zh',
    'city_zh',
    'city_name_zh',
    'name_zh',
    'chinese_name',
    'name_chinese',
    'locality_zh',
    '中文名',
    '中文名称',
    '城市',
    '城市名',
    '城市名称',
    '城市中文名',
    '城市中文名称',
    '友城',
    '友城名称',
    '友好城市',
    '友好城市名称',
    '伙伴城市',
    '外方城市',
    '结好城市',
  ],
  partner_country: [
    'partner_country',
    'country_code',
    'country',
    'countrycode',
    'iso',
    'iso2',
    'iso3',
    'iso_code',
    'nation',
    '国家',
    '国别',
    '国家代码',
    '国家地区',
    '所在国',
    '所在国家',
  ],
  partner_country_name: ['partner_country_name', 'country_en', 'country_name', 'country_zh', '国家名称', '国家英文名', '国家中文名'],
  partner_level: ['partner_level', 'level', 'locality_level', '级别', '层级', '行政级别'],
  home_en: ['home_en', 'home', 'home_city', 'home_name'],
  home_zh: ['home_zh', '本方', '本方城市', '中方城市'],
  type: [
    'type',
    'relationship',
    'relation',
    'tie',
    'tie_type',
    'partnership_type',
    'kind',
    '类型',
    '关系',
    '关系类型',
    '结好类型',
    '友城类型',
    '类别',
  ],
  status: ['status', 'state', '状态'],
  established: [
    'established',
    'established_date',
    'established_on',
    'establishment_date',
    'date_established',
    'date',
    'since',
    'signed',
    'signed_on',
    'signing_date',
    '结好时间',
    '结好日期',
    '建立时间',
    '建立日期',
    '签约时间',
    '签约日期',
    '签署时间',
    '签署日期',
    '缔结时间',
    '缔结日期',
    '日期',
    '时间',
  ],
  established_year: ['established_year', 'year', 'year_established', '年份', '结好年份', '建立年份'],
  established_precision: ['established_precision', 'precision', 'date_precision', '精度', '日期精度'],
  established_basis: ['established_basis', 'basis', '依据', '结好依据'],
  cooperation_fields: ['cooperation_fields', 'cooperation', 'fields', 'areas', 'sectors', '合作领域', '领域'],
  public: ['public', 'is_public', 'visible', '公开', '是否公开'],
  summary_en: ['summary_en', 'summary', 'description', 'description_en', '英文简介', '英文概况'],
  summary_zh: ['summary_zh', 'description_zh', '简介', '中文简介', '概况'],
  latitude: ['latitude', 'lat', '纬度'],
  longitude: ['longitude', 'lon', 'lng', 'long', '经度'],
  wikidata_id: ['wikidata_id', 'wikidata', 'qid', 'wikidata_qid'],
  sources: ['sources', 'source', 'url', 'reference', 'references', '来源', '资料来源', '出处'],
  notes: ['notes', 'note', 'internal_notes', 'remarks', 'comment', 'comments', '备注', '说明'],
  deleted: ['deleted', 'deleted_at'],
};

/** A header cell's key for matching: NFKC, lower case, with white space, _ - . / : and brackets removed. */
export function headerKey(text: string): string {
  return text
    .normalize('NFKC')
    .toLowerCase()
    .replace(/[\s_\-./:()[\]{}'"#*]+/g, '');
}

let byKey: Map<string, ImportField> | null = null;

function fieldsByKey(): Map<string, ImportField> {
  if (!byKey) {
    byKey = new Map();
    for (const field of IMPORT_FIELDS) for (const name of HEADER_NAMES[field]) byKey.set(headerKey(name), field);
  }
  return byKey;
}

/**
 * The proposed field of each column, from its header name (English or Chinese; case, width, spaces, underscores,
 * hyphens, dots and brackets ignored), or null for a column left unmapped. A field is proposed once, for the first
 * column that names it; a later column with the same meaning is left unmapped. The export's header and the shared
 * dataset's map completely (tested).
 */
export function proposeMapping(header: string[]): Array<ImportField | null> {
  const names = fieldsByKey();
  const taken = new Set<ImportField>();
  return header.map((cell) => {
    const field = names.get(headerKey(cell));
    if (!field || taken.has(field)) return null;
    taken.add(field);
    return field;
  });
}

/**
 * Whether a mapping (one field or null per column) can import rows: a name (English or Chinese) and a country
 * (code or name) are mapped, and no field is mapped twice. Unknown field names make it unusable.
 */
export function usableMapping(mapping: ReadonlyArray<ImportField | string | null>): boolean {
  const fields = mapping.filter((f): f is string => f !== null && f !== '');
  if (new Set(fields).size !== fields.length) return false;
  if (fields.some((f) => !(IMPORT_FIELDS as readonly string[]).includes(f))) return false;
  return REQUIRED_FIELD_GROUPS.every((group) => group.some((f) => fields.includes(f)));
}

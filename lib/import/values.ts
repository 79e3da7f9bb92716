import {
  COOPERATION_FIELDS,
  LOCALITY_LEVELS,
  PARTNERSHIP_STATUSES,
  PARTNERSHIP_TYPES,
  type CooperationField,
  type LocalityLevel,
  type PartnershipStatus,
  type PartnershipType,
} from '../domain';
import en from '../i18n/messages/en.json';
import zh from '../i18n/messages/zh.json';
import { LIMITS } from '../validation/partnerships';
import type { ImportField } from './columns';
import { combineImportDates, type CombineDateError, type ImportDate } from './dates';
import { nameKey, resolveCountry } from './names';

// The cells of a row other than names and dates, read into the registry's values. Each reader returns the value,
// null for an empty cell, or `{ error }` with a key of the `import` message catalogue (lib/i18n/messages/*.json).
// Words are matched by nameKey (case, accents, spaces, underscores and hyphens ignored), against the domain's keys
// (`sister_city`), the catalogues' own English and Chinese labels ("Sister city", 友好城市), and the synonyms below.

/** Why a cell was refused: a key of the `import` message catalogue. */
export type ImportValueError =
  | CombineDateError
  | 'type_unknown'
  | 'status_unknown'
  | 'level_unknown'
  | 'cooperation_field_unknown'
  | 'public_unknown'
  | 'not_a_number'
  | 'latitude_out_of_range'
  | 'longitude_out_of_range'
  | 'wikidata_invalid'
  | 'id_invalid'
  | 'country_unknown'
  | 'countries_disagree'
  | 'text_too_long';

/** A refused cell: the catalogue key, and the offending part of the cell when it is one item of a list. */
export interface ValueError<K extends ImportValueError = ImportValueError> {
  error: K;
  text?: string;
}

function vocabulary<T extends string>(
  keys: readonly T[],
  labels: Array<Record<string, string>>,
  synonyms: Record<string, T | T[]>,
): Map<string, T[]> {
  const map = new Map<string, T[]>();
  for (const key of keys) {
    map.set(nameKey(key), [key]);
    for (const catalogue of labels) if (catalogue[key]) map.set(nameKey(catalogue[key]), [key]);
  }
  for (const [word, value] of Object.entries(synonyms)) map.set(nameKey(word), Array.isArray(value) ? value : [value]);
  return map;
}

// Synonyms seen in office lists and the press: 友好合作城市, 友好交流城市 and 友好交流合作城市 all name the lighter tie
// that the catalogue calls 友好合作交流城市; "twin town" and 姐妹城市 the formal one.
const TYPES = vocabulary(PARTNERSHIP_TYPES, [en.partnershipType, zh.partnershipType], {
  'sister city': 'sister_city',
  'twin city': 'sister_city',
  'twin town': 'sister_city',
  'friendship city': 'sister_city',
  姐妹城市: 'sister_city',
  友城: 'sister_city',
  'friendly cooperation city': 'friendly_cooperation_city',
  'friendly city': 'friendly_cooperation_city',
  友好合作城市: 'friendly_cooperation_city',
  友好交流城市: 'friendly_cooperation_city',
  友好交流合作城市: 'friendly_cooperation_city',
  友好合作关系城市: 'friendly_cooperation_city',
  'sister province': 'sister_province',
  'sister state': 'sister_province',
  友好省: 'sister_province',
  友好州: 'sister_province',
  友好省州: 'sister_province',
  友好合作省: 'friendly_cooperation_province',
  友好合作省州: 'friendly_cooperation_province',
  友好交流省州: 'friendly_cooperation_province',
  友好区: 'sister_district',
  友好合作区: 'friendly_cooperation_district',
  other: 'other',
});

const STATUSES = vocabulary(PARTNERSHIP_STATUSES, [en.partnershipStatus, zh.partnershipStatus], {
  'in force': 'active',
  生效: 'active',
  有效: 'active',
  终止: 'terminated',
  'letter of intent signed': 'letter_of_intent',
  意向书: 'letter_of_intent',
});

const LEVELS = vocabulary(LOCALITY_LEVELS, [en.localityLevel, zh.localityLevel], {
  市: 'city',
  state: 'province',
  prefecture: 'province',
  oblast: 'province',
  省: 'province',
  州: 'province',
  县: 'county',
  区: 'district',
});

// 经贸 (economy and trade) and 文旅 (culture and tourism) are single words for two fields each.
const FIELDS = vocabulary(COOPERATION_FIELDS, [en.cooperationField, zh.cooperationField], {
  economic: 'economy',
  economics: 'economy',
  'science and technology': 'science_technology',
  science: 'science_technology',
  technology: 'science_technology',
  'sci tech': 'science_technology',
  healthcare: 'health',
  'public health': 'health',
  医疗: 'health',
  医疗卫生: 'health',
  sport: 'sports',
  经贸: ['economy', 'trade'],
  经济贸易: ['economy', 'trade'],
  文旅: ['culture', 'tourism'],
  文化旅游: ['culture', 'tourism'],
  科学技术: 'science_technology',
  城市管理: 'urban_governance',
});

function lookup<T extends string>(vocab: Map<string, T[]>, text: string): T[] | null | undefined {
  const key = nameKey(text);
  if (key === '') return null;
  return vocab.get(key) ?? vocab.get(key.replace(/ /g, ''));
}

/** The type of tie in a cell (`sister_city`, "Sister city", 友好城市, 友好合作城市 ...), null if empty, or 'type_unknown'. */
export function parseType(text: string): PartnershipType | null | ValueError<'type_unknown'> {
  const found = lookup(TYPES, text);
  return found === null ? null : found ? found[0]! : { error: 'type_unknown' };
}

/** The status in a cell (`active`, "Letter of intent", 有效, 已终止 ...), null if empty, or 'status_unknown'. */
export function parseStatus(text: string): PartnershipStatus | null | ValueError<'status_unknown'> {
  const found = lookup(STATUSES, text);
  return found === null ? null : found ? found[0]! : { error: 'status_unknown' };
}

/** The partner's level (`city`, "Province or state", 省, 州, 县 ...), null if empty, or 'level_unknown'. */
export function parseLevel(text: string): LocalityLevel | null | ValueError<'level_unknown'> {
  const found = lookup(LEVELS, text);
  return found === null ? null : found ? found[0]! : { error: 'level_unknown' };
}

/**
 * The cooperation fields of a cell: a list separated by `;`, `,`, `、`, `/`, `|` or line breaks (full-width forms
 * too), each a key, an English or Chinese label or a synonym (经贸 is economy and trade); duplicates dropped, in
 * the order given. Null if empty; 'cooperation_field_unknown' with the first unknown item as `text`.
 */
export function parseCooperationFields(text: string): CooperationField[] | null | ValueError<'cooperation_field_unknown'> {
  const items = text
    .normalize('NFKC')
    .split(/[;,、/|\n]+/)
    .map((item) => item.trim())
    .filter(Boolean);
  if (items.length === 0) return null;
  const out: CooperationField[] = [];
  for (const item of items) {
    const found = lookup(FIELDS, item);
    if (!found) return { error: 'cooperation_field_unknown', text: item };
    for (const field of found) if (!out.includes(field)) out.push(field);
  }
  return out;
}

const YES = new Set(['yes', 'y', 'true', '1', 'public', 'x', '√', '✓', '✔', '是', '公开', '对', 'ja', 'oui', 'si', '예', 'はい']);
const NO = new Set(['no', 'n', 'false', '0', 'private', 'internal', '否', '不公开', '非公开', '内部', 'nein', 'non', '아니오', 'いいえ']);

/** Whether a tie is public: yes/no, true/false, 1/0, 是/否, 公开/不公开 (case ignored); null if empty, or 'public_unknown'. */
export function parsePublic(text: string): boolean | null | ValueError<'public_unknown'> {
  const s = text.normalize('NFKC').trim().toLowerCase();
  if (s === '') return null;
  if (YES.has(s)) return true;
  if (NO.has(s)) return false;
  return { error: 'public_unknown' };
}

/**
 * A decimal number as offices write it: `33.6`, `-118.24368`, `+5`, or with a decimal comma and no point (`33,6`,
 * as European spreadsheets write it). No thousands separators, no exponent, no degrees-minutes-seconds. Null if
 * empty, 'not_a_number' otherwise.
 */
function parseDecimal(text: string): number | null | ValueError<'not_a_number'> {
  const s = text.normalize('NFKC').trim().replace(/^−/, '-');
  if (s === '') return null;
  const m = /^([+-]?)(\d+)(?:[.,](\d+))?$/.exec(s);
  if (!m) return { error: 'not_a_number' };
  return Number(`${m[1]}${m[2]}.${m[3] ?? '0'}`);
}

/** A latitude in WGS84 decimal degrees, -90 to 90; null if empty, 'not_a_number' or 'latitude_out_of_range'. */
export function parseLatitude(text: string): number | null | ValueError<'not_a_number' | 'latitude_out_of_range'> {
  const n = parseDecimal(text);
  if (n === null || typeof n === 'object') return n;
  return n >= -90 && n <= 90 ? n : { error: 'latitude_out_of_range' };
}

/** A longitude in WGS84 decimal degrees, -180 to 180; null if empty, 'not_a_number' or 'longitude_out_of_range'. */
export function parseLongitude(text: string): number | null | ValueError<'not_a_number' | 'longitude_out_of_range'> {
  const n = parseDecimal(text);
  if (n === null || typeof n === 'object') return n;
  return n >= -180 && n <= 180 ? n : { error: 'longitude_out_of_range' };
}

/**
 * A Wikidata item id, `Q` and a number with no leading zero (`Q123`, `q123`, or its page's address
 * https://www.wikidata.org/wiki/Q123), as the localities table's check requires; null if empty, or 'wikidata_invalid'.
 */
export function parseWikidataId(text: string): string | null | ValueError<'wikidata_invalid'> {
  const s = text.normalize('NFKC').trim();
  if (s === '') return null;
  const m = /^(?:https?:\/\/(?:www\.|m\.)?wikidata\.org\/(?:wiki|entity)\/)?([Qq][1-9]\d{0,11})$/.exec(s);
  return m ? m[1]!.toUpperCase() : { error: 'wikidata_invalid' };
}

/** A partnership id (an exported file's `id`): a UUID in lower case; null if empty, or 'id_invalid'. */
export function parsePartnershipId(text: string): string | null | ValueError<'id_invalid'> {
  const s = text.trim().toLowerCase();
  if (s === '') return null;
  return /^[0-9a-f]{8}-[0-9a-f]{4}-[0-9a-f]{4}-[0-9a-f]{4}-[0-9a-f]{12}$/.test(s) ? s : { error: 'id_invalid' };
}

/**
 * The sources of a cell: one per line, or separated by `; ` (a semicolon and a space, as the shared dataset writes
 * them) or `；`, so that a `;` inside an address is kept; trimmed, empty and repeated ones dropped. Null if empty.
 */
export function parseSources(text: string): string[] | null {
  const items = [...new Set(text.split(/;\s+|；|\r?\n/).map((s) => s.trim()).filter(Boolean))];
  return items.length > 0 ? items : null;
}

/** A deletion cell (the export's `deleted`, a time): any text means the tie was deleted; null if empty. */
export function parseDeleted(text: string): boolean | null {
  return text.trim() === '' ? null : true;
}

/**
 * The values a row sets, by the registry's names. A field a row leaves blank (or a file does not map) is absent:
 * an import never erases a stored value with a blank cell.
 */
export interface ImportValues {
  id?: string;
  nameEn?: string;
  nameZh?: string;
  countryCode?: string;
  level?: LocalityLevel;
  homeEn?: string;
  homeZh?: string;
  type?: PartnershipType;
  status?: PartnershipStatus;
  established?: ImportDate;
  establishedBasis?: string;
  cooperationFields?: CooperationField[];
  isPublic?: boolean;
  summaryEn?: string;
  summaryZh?: string;
  latitude?: number;
  longitude?: number;
  wikidataId?: string;
  sources?: string[];
  internalNotes?: string;
  deleted?: boolean;
}

// Longest texts in characters, as the forms allow (lib/validation/partnerships.ts and the locality form).
const TEXT_LIMITS: Partial<Record<ImportField, number>> = {
  partner_en: 200,
  partner_zh: 100,
  home_en: 200,
  home_zh: 100,
  established_basis: LIMITS.basis,
  summary_en: LIMITS.summary,
  summary_zh: LIMITS.summary,
  notes: LIMITS.notes,
};

/** One refused cell of a row: its field, the catalogue key, and the offending item of a list. */
export interface ImportCellError {
  field: ImportField;
  error: ImportValueError;
  text?: string;
}

function isError(v: unknown): v is ValueError {
  return typeof v === 'object' && v !== null && 'error' in v;
}

/**
 * The value one mapped cell sets: `{ value }` (a part of ImportValues), null for a blank cell, or `{ error, text? }`.
 * The fields read together (the two date columns and the precision; the two country columns) are read here one
 * at a time; parseImportRow combines them, and is what an engine should call.
 */
export function parseFieldValue(field: ImportField, text: string): { value: ImportValues } | ValueError | null {
  const s = text.trim();
  if (s === '') return null;
  const limit = TEXT_LIMITS[field];
  if (limit !== undefined && [...s].length > limit) return { error: 'text_too_long' };
  const wrap = <T>(v: T | null | ValueError, set: (v: T) => ImportValues) => (v === null ? null : isError(v) ? v : { value: set(v) });
  switch (field) {
    case 'id':
      return wrap(parsePartnershipId(s), (id) => ({ id }));
    case 'partner_en':
      return { value: { nameEn: s } };
    case 'partner_zh':
      return { value: { nameZh: s } };
    case 'partner_country':
    case 'partner_country_name': {
      const code = resolveCountry(s);
      return code ? { value: { countryCode: code } } : { error: 'country_unknown', text: s };
    }
    case 'partner_level':
      return wrap(parseLevel(s), (level) => ({ level }));
    case 'home_en':
      return { value: { homeEn: s } };
    case 'home_zh':
      return { value: { homeZh: s } };
    case 'type':
      return wrap(parseType(s), (type) => ({ type }));
    case 'status':
      return wrap(parseStatus(s), (status) => ({ status }));
    case 'established':
    case 'established_year':
      return wrap<ImportDate>(combineImportDates([s]), (established) => ({ established }));
    case 'established_precision':
      return wrap<ImportDate>(combineImportDates([], s), () => ({}));
    case 'established_basis':
      return { value: { establishedBasis: s } };
    case 'cooperation_fields':
      return wrap(parseCooperationFields(s), (cooperationFields) => ({ cooperationFields }));
    case 'public':
      return wrap(parsePublic(s), (isPublic) => ({ isPublic }));
    case 'summary_en':
      return { value: { summaryEn: s } };
    case 'summary_zh':
      return { value: { summaryZh: s } };
    case 'latitude':
      return wrap(parseLatitude(s), (latitude) => ({ latitude }));
    case 'longitude':
      return wrap(parseLongitude(s), (longitude) => ({ longitude }));
    case 'wikidata_id':
      return wrap(parseWikidataId(s), (wikidataId) => ({ wikidataId }));
    case 'sources':
      return wrap(parseSources(s), (sources) => ({ sources }));
    case 'notes':
      return { value: { internalNotes: s } };
    case 'deleted':
      return wrap(parseDeleted(s), (deleted) => ({ deleted }));
  }
}

/** Which date column an error of combineImportDates belongs to. */
function dateErrorField(error: CombineDateError, established: string | undefined): ImportField {
  if (error === 'precision_unknown' || error === 'precision_finer_than_date') return 'established_precision';
  if (error === 'dates_disagree') return 'established_year';
  const first = combineImportDates([established]);
  return first && 'error' in first ? 'established' : 'established_year';
}

/**
 * A cell as the registry's own exports wrote it, before they neutralised it: the CSV and XLSX exports put an
 * apostrophe before a text that starts with =, +, -, @, a tab or a carriage return (lib/csv-export.ts,
 * lib/xlsx-export.ts), so a spreadsheet never runs it; reading that apostrophe back here keeps a round trip exact
 * ("'-2 km from the sea" is "-2 km from the sea" again). Any other text is returned as it is.
 */
export function withoutFormulaGuard(text: string): string {
  return /^'[=+\-@\t\r]/.test(text) ? text.slice(1) : text;
}

/**
 * The values of one row under a mapping (one field or null per column, as proposeMapping gives and the user
 * corrects), with every refused cell: `{ values, errors }`. Blank cells set nothing. The two date columns and the
 * precision column make one date (combineImportDates: they must agree, the more precise wins; an error is put on
 * `established`); the two country columns must name the same country ('countries_disagree' on
 * `partner_country_name`). A field mapped twice takes its first non-blank cell.
 */
export function parseImportRow(
  mapping: ReadonlyArray<ImportField | null>,
  cells: readonly string[],
): { values: ImportValues; errors: ImportCellError[] } {
  const text: Partial<Record<ImportField, string>> = {};
  mapping.forEach((field, i) => {
    const cell = withoutFormulaGuard((cells[i] ?? '').trim());
    if (field && cell !== '' && text[field] === undefined) text[field] = cell;
  });
  const values: ImportValues = {};
  const errors: ImportCellError[] = [];
  for (const [field, cell] of Object.entries(text) as Array<[ImportField, string]>) {
    if (field === 'established' || field === 'established_year' || field === 'established_precision') continue;
    const parsed = parseFieldValue(field, cell);
    if (parsed === null) continue;
    if (isError(parsed)) {
      errors.push({ field, ...parsed });
    } else if (field === 'partner_country_name' && values.countryCode && values.countryCode !== parsed.value.countryCode) {
      errors.push({ field, error: 'countries_disagree' });
    } else if (field === 'partner_country' && values.countryCode && values.countryCode !== parsed.value.countryCode) {
      errors.push({ field: 'partner_country_name', error: 'countries_disagree' });
    } else {
      Object.assign(values, parsed.value);
    }
  }
  const date = combineImportDates([text.established, text.established_year], text.established_precision);
  if (date !== null) {
    if ('error' in date) errors.push({ field: dateErrorField(date.error, text.established), error: date.error });
    else values.established = date;
  }
  return { values, errors };
}

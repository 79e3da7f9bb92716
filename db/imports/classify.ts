import type { CooperationField, DatePrecision, LocalityLevel, PartnershipStatus, PartnershipType } from '../../lib/domain';
import { isAfterTodayEverywhere, partialDateText } from '../../lib/calendar-date';
import { CONCLUDED_STATUSES } from '../../lib/domain';
import type { ImportRowClass } from '../../lib/import-domain';
import { isNearName, nameKey, type ImportValues } from './lib';

// The import's classification of one row against the registry of the home locality, without the database: the
// registry is loaded once (db/imports/registry.ts) and every row is judged against that snapshot, so 10,000 rows
// cost two queries, not 10,000. The same function serves the preview and the commit, which re-runs it inside its
// transaction and refuses to go on when a row's class changed since the preview.

/** A row as read from the file (lib/import's parseImportRow): an absent field is a blank cell or an unmapped column, and never erases a stored value. */
export type ImportRecord = ImportValues;

/** A live locality of the registry, as the classifier needs it. */
export interface RegistryLocality {
  id: string;
  slug: string;
  nameEn: string;
  nameZh: string | null;
  countryCode: string;
  level: LocalityLevel;
  latitude: number | null;
  longitude: number | null;
  wikidataId: string | null;
}

/** A live partnership of the home locality, with the fields an import may change. */
export interface RegistryTie {
  id: string;
  slug: string;
  partnerLocalityId: string;
  type: PartnershipType;
  status: PartnershipStatus;
  establishedOn: string | null;
  establishedPrecision: DatePrecision | null;
  establishedBasis: string | null;
  cooperationFields: CooperationField[];
  summaryEn: string | null;
  summaryZh: string | null;
  internalNotes: string | null;
  isPublic: boolean;
  version: number;
}

/** The registry of the home locality, indexed for the classifier (see buildRegistry). */
export interface Registry {
  home: RegistryLocality;
  localities: RegistryLocality[];
  ties: RegistryTie[];
  byId: Map<string, RegistryLocality>;
  /** `${country}|${nameKey(nameEn)}` and `${country}|zh:${nameZh}` to localities. */
  byName: Map<string, RegistryLocality>;
  byCountry: Map<string, RegistryLocality[]>;
  tiesByPartner: Map<string, RegistryTie[]>;
  tiesById: Map<string, RegistryTie>;
}

const zhKey = (name: string) => name.normalize('NFKC').replace(/\s+/g, '');

/** Indexes a registry snapshot: names by key within their country, ties by partner and by id. */
export function buildRegistry(home: RegistryLocality, localities: RegistryLocality[], ties: RegistryTie[]): Registry {
  const byName = new Map<string, RegistryLocality>();
  const byCountry = new Map<string, RegistryLocality[]>();
  for (const l of localities) {
    const key = `${l.countryCode}|${nameKey(l.nameEn)}`;
    if (!byName.has(key)) byName.set(key, l);
    if (l.nameZh) {
      const zk = `${l.countryCode}|zh:${zhKey(l.nameZh)}`;
      if (!byName.has(zk)) byName.set(zk, l);
    }
    const list = byCountry.get(l.countryCode) ?? [];
    list.push(l);
    byCountry.set(l.countryCode, list);
  }
  const tiesByPartner = new Map<string, RegistryTie[]>();
  for (const t of ties) tiesByPartner.set(t.partnerLocalityId, [...(tiesByPartner.get(t.partnerLocalityId) ?? []), t]);
  return {
    home,
    localities,
    ties,
    byId: new Map(localities.map((l) => [l.id, l])),
    byName,
    byCountry,
    tiesByPartner,
    tiesById: new Map(ties.map((t) => [t.id, t])),
  };
}

/** What an update changes, by field: the stored value and the file's, as text. */
export type Changes = Record<string, [string | null, string | null]>;

/** The fields an update may write on the tie, and the blanks it may fill on the partner locality. */
export interface TiePatch {
  type?: PartnershipType;
  status?: PartnershipStatus;
  establishedOn?: string;
  establishedPrecision?: DatePrecision;
  establishedBasis?: string;
  cooperationFields?: CooperationField[];
  summaryEn?: string;
  summaryZh?: string;
  internalNotes?: string;
  isPublic?: boolean;
}
export interface LocalityPatch {
  nameZh?: string;
  latitude?: number;
  longitude?: number;
  wikidataId?: string;
}

export type Classified =
  | { class: 'error'; error: string }
  | { class: 'new'; partnerLocalityId: string | null; newLocalityKey: string | null }
  | { class: 'update'; tie: RegistryTie; partner: RegistryLocality; tiePatch: TiePatch; localityPatch: LocalityPatch; changes: Changes }
  | { class: 'unchanged'; tie: RegistryTie }
  | { class: 'duplicate'; near: RegistryLocality; newLocalityKey: string };

/** The state a classification pass keeps across rows: what earlier rows of the file already claimed. */
export interface ClassifyPass {
  claimedTies: Set<string>;
  claimedNew: Set<string>;
}

/** A fresh pass over one file. */
export function newPass(): ClassifyPass {
  return { claimedTies: new Set(), claimedNew: new Set() };
}

/** The key that groups rows naming one new partner locality: country and name key. */
export function newLocalityKeyOf(record: { countryCode?: string; nameEn?: string }): string {
  return `${record.countryCode}|${nameKey(record.nameEn ?? '')}`;
}

function sameSet<T>(a: readonly T[], b: readonly T[]): boolean {
  const sa = new Set(a);
  const sb = new Set(b);
  return sa.size === sb.size && [...sa].every((x) => sb.has(x));
}

/** The registry's locality the record names: by name key or Chinese name within its country. */
function findLocality(registry: Registry, r: ImportRecord): RegistryLocality | null {
  const country = r.countryCode!;
  if (r.nameEn) {
    const hit = registry.byName.get(`${country}|${nameKey(r.nameEn)}`);
    if (hit) return hit;
  }
  if (r.nameZh) {
    const hit = registry.byName.get(`${country}|zh:${zhKey(r.nameZh)}`);
    if (hit) return hit;
  }
  return null;
}

/** The differences between a stored tie (and its partner) and a record; blanks in the record change nothing. */
function diff(tie: RegistryTie, partner: RegistryLocality, r: ImportRecord): { tiePatch: TiePatch; localityPatch: LocalityPatch; changes: Changes } {
  const tiePatch: TiePatch = {};
  const localityPatch: LocalityPatch = {};
  const changes: Changes = {};
  if (r.type && r.type !== tie.type) {
    tiePatch.type = r.type;
    changes.type = [tie.type, r.type];
  }
  if (r.status && r.status !== tie.status) {
    tiePatch.status = r.status;
    changes.status = [tie.status, r.status];
  }
  if (r.established && (r.established.on !== tie.establishedOn || r.established.precision !== tie.establishedPrecision)) {
    tiePatch.establishedOn = r.established.on;
    tiePatch.establishedPrecision = r.established.precision;
    changes.established = [
      tie.establishedOn ? partialDateText(tie.establishedOn, tie.establishedPrecision) : null,
      partialDateText(r.established.on, r.established.precision),
    ];
  }
  const text = (field: 'establishedBasis' | 'summaryEn' | 'summaryZh' | 'internalNotes') => {
    const value = r[field];
    if (value !== undefined && value !== tie[field]) {
      tiePatch[field] = value;
      changes[field] = [tie[field], value];
    }
  };
  text('establishedBasis');
  text('summaryEn');
  text('summaryZh');
  text('internalNotes');
  if (r.cooperationFields && r.cooperationFields.length > 0 && !sameSet(r.cooperationFields, tie.cooperationFields)) {
    tiePatch.cooperationFields = [...new Set(r.cooperationFields)];
    changes.cooperationFields = [tie.cooperationFields.join(';') || null, tiePatch.cooperationFields.join(';')];
  }
  if (r.isPublic !== undefined && r.isPublic !== tie.isPublic) {
    tiePatch.isPublic = r.isPublic;
    changes.isPublic = [String(tie.isPublic), String(r.isPublic)];
  }
  // The partner locality is shared with other ties and edited on its own page: an import only fills its blanks.
  if (r.nameZh && !partner.nameZh) {
    localityPatch.nameZh = r.nameZh;
    changes.nameZh = [null, r.nameZh];
  }
  if (r.latitude !== undefined && r.longitude !== undefined && partner.latitude === null && partner.longitude === null) {
    localityPatch.latitude = r.latitude;
    localityPatch.longitude = r.longitude;
    changes.coordinates = [null, `${r.latitude}, ${r.longitude}`];
  }
  if (r.wikidataId && !partner.wikidataId) {
    localityPatch.wikidataId = r.wikidataId;
    changes.wikidataId = [null, r.wikidataId];
  }
  return { tiePatch, localityPatch, changes };
}

/**
 * The class of one record against the registry: 'unchanged' or 'update' (with what changes) when it names a live tie
 * of the home locality (by id, else by partner and type, else the partner's only tie); 'new' when the partner is in
 * the registry without such a tie or not in it at all; 'duplicate' when it is not, but a locality of the same
 * country has a near name (Vitoria beside Victoria); 'error' (a catalogue key of the `imports` namespace) when a
 * field the class needs is missing, the row names the home locality or another home, or an earlier row of the
 * file already named the same tie. `pass` carries what earlier rows claimed.
 */
export function classifyRecord(registry: Registry, r: ImportRecord, pass: ClassifyPass): Classified {
  // A tie already signed cannot date from the future (the form's rule); a planned one may.
  if (r.established && CONCLUDED_STATUSES.includes(r.status ?? 'active') && isAfterTodayEverywhere(r.established.on)) {
    return { class: 'error', error: 'imports.futureDate' };
  }
  if (r.deleted) return { class: 'error', error: 'imports.deletedRow' };
  const h = registry.home;
  if (r.homeEn !== undefined && nameKey(r.homeEn) !== nameKey(h.nameEn)) return { class: 'error', error: 'imports.otherHome' };
  if (r.homeZh !== undefined && zhKey(r.homeZh) !== (h.nameZh ? zhKey(h.nameZh) : null)) return { class: 'error', error: 'imports.otherHome' };
  let tie = r.id ? registry.tiesById.get(r.id) : undefined;
  if (!tie) {
    if (!r.nameEn && !r.nameZh) return { class: 'error', error: 'imports.nameRequired' };
    if (!r.countryCode) return { class: 'error', error: 'imports.countryRequired' };
  }
  const partner = tie ? registry.byId.get(tie.partnerLocalityId)! : findLocality(registry, r);
  if (partner?.id === registry.home.id) return { class: 'error', error: 'imports.sameAsHome' };
  if (partner && !tie) {
    const ties = registry.tiesByPartner.get(partner.id) ?? [];
    tie = r.type ? ties.find((t) => t.type === r.type) : undefined;
    // A change of type (an upgrade) on the partner's one tie; with several ties the type must say which.
    if (!tie && ties.length === 1 && !ties.some((t) => pass.claimedTies.has(t.id))) tie = ties[0];
    if (!tie && !r.type && ties.length > 1) return { class: 'error', error: 'imports.typeRequired' };
  }
  if (tie) {
    if (pass.claimedTies.has(tie.id)) return { class: 'error', error: 'imports.repeatedRow' };
    pass.claimedTies.add(tie.id);
    const d = diff(tie, partner!, r);
    if (Object.keys(d.changes).length === 0) return { class: 'unchanged', tie };
    return { class: 'update', tie, partner: partner!, ...d };
  }
  if (!r.type) return { class: 'error', error: 'imports.typeRequired' };
  const newKey = `${newLocalityKeyOf(r)}|${r.type}`;
  if (partner) {
    if (pass.claimedNew.has(`${partner.id}|${r.type}`)) return { class: 'error', error: 'imports.repeatedRow' };
    pass.claimedNew.add(`${partner.id}|${r.type}`);
    return { class: 'new', partnerLocalityId: partner.id, newLocalityKey: null };
  }
  if (!r.nameEn) return { class: 'error', error: 'imports.nameEnRequired' };
  if (pass.claimedNew.has(newKey)) return { class: 'error', error: 'imports.repeatedRow' };
  pass.claimedNew.add(newKey);
  const near = (registry.byCountry.get(r.countryCode!) ?? []).find((l) => l.id !== registry.home.id && isNearName(l.nameEn, r.nameEn!));
  if (near) return { class: 'duplicate', near, newLocalityKey: newLocalityKeyOf(r) };
  return { class: 'new', partnerLocalityId: null, newLocalityKey: newLocalityKeyOf(r) };
}

/** The class name stored for a classification. */
export function classOf(c: Classified): ImportRowClass {
  return c.class;
}

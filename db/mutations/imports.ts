import { and, eq, inArray, ne, or, sql } from 'drizzle-orm';
import { setImmediate as yieldToLoop } from 'node:timers/promises';
import { slugify } from '../../lib/slug';
import { IMPORT_STALL_MS, importStalled, type ImportRowClass } from '../../lib/import-domain';
import type { Database, Executor } from '../client';
import { auditEvents, importRows, imports, localities, partnerships, partnershipStatusEvents, type ImportCounts, type NewAuditEvent, type NewImportRow } from '../schema';
import { classifyRecord, newPass, type Classified, type ImportRecord, type Registry } from '../imports/classify';
import { proposeMapping, type ImportRead } from '../imports/lib';
import { readRecords, type ReadImport } from '../imports/read';
import { loadRegistry } from '../imports/registry';
import { insertAuditEvent } from './audit';
import { partnershipSnapshotColumns } from './partnerships';
import type { Actor } from './users';

// The import's writes: the upload (the file kept in the database, so any instance can preview and commit it), the
// preview (every row classified and stored, in chunks that yield to the event loop, progress in the imports row),
// the user's choices (mapping, encoding, sheet, a decision per possible duplicate) and the commit (every accepted row
// in one transaction with its audit events, re-classified inside it).

/** Rows classified, or written, per chunk; between chunks the event loop serves other requests. */
export const IMPORT_CHUNK = 500;

/** An import left previewed (or unreadable) this long is discarded when the next file is uploaded: its bytes go. */
export const IMPORT_KEEP_DAYS = 7;


const EMPTY_COUNTS: ImportCounts = { new: 0, update: 0, unchanged: 0, duplicate: 0, error: 0 };

/** The file as uploaded and first read: what createImport stores. */
export interface UploadedImport {
  fileName: string;
  bytes: Uint8Array;
  sha256: string;
  kind: 'csv' | 'xlsx';
  encoding: string | null;
  detectedEncoding: string | null;
  sheets: string[];
  sheet: string | null;
  header: string[];
  mapping: Array<string | null>;
  rowsTotal: number;
}

/**
 * The stored form of an uploaded file that read (readImportFile's answer `read`), with the mapping proposed from
 * its header: what createImport takes.
 */
export function uploadedImport(file: { fileName: string; bytes: Uint8Array; sha256: string }, read: ImportRead): UploadedImport {
  return {
    ...file,
    kind: read.kind,
    encoding: read.encoding,
    detectedEncoding: read.detectedEncoding,
    sheets: read.sheets,
    sheet: read.sheet,
    header: read.header,
    mapping: proposeMapping(read.header),
    rowsTotal: read.rows.length,
  };
}

/**
 * Stores an uploaded file for preview (status 'previewing', run 1) and returns its id; runPreview then classifies it.
 * Imports left uncommitted for IMPORT_KEEP_DAYS are discarded first (their bytes and preview rows deleted).
 */
export async function createImport(executor: Executor, actor: Actor, file: UploadedImport): Promise<string> {
  const abandoned = await executor
    .update(imports)
    .set({ status: 'discarded', content: null, version: sql`${imports.version} + 1`, updatedAt: new Date() })
    .where(and(inArray(imports.status, ['previewed', 'failed']), sql`${imports.updatedAt} < now() - make_interval(days => ${IMPORT_KEEP_DAYS})`))
    .returning({ id: imports.id });
  if (abandoned.length > 0) await executor.delete(importRows).where(inArray(importRows.importId, abandoned.map((r) => r.id)));
  const [row] = await executor
    .insert(imports)
    .values({
      fileName: file.fileName,
      byteSize: file.bytes.byteLength,
      sha256: file.sha256,
      content: file.bytes,
      kind: file.kind,
      encoding: file.encoding,
      detectedEncoding: file.detectedEncoding,
      sheets: file.sheets,
      sheet: file.sheet,
      header: file.header,
      mapping: file.mapping,
      rowsTotal: file.rowsTotal,
      createdBy: actor.id,
    })
    .returning({ id: imports.id });
  return row!.id;
}

/** The stored import a preview or commit works from, with its file; null when gone or its file was dropped. */
async function loadImport(executor: Executor, id: string): Promise<(ReadImport & { previewRun: number; version: number; status: string; fileName: string; sha256: string }) | null> {
  const [row] = await executor
    .select({
      content: imports.content,
      encoding: imports.encoding,
      sheet: imports.sheet,
      mapping: imports.mapping,
      previewRun: imports.previewRun,
      version: imports.version,
      status: imports.status,
      fileName: imports.fileName,
      sha256: imports.sha256,
    })
    .from(imports)
    .where(eq(imports.id, id));
  if (!row?.content) return null;
  return { ...row, content: row.content };
}

function storedRow(importId: string, run: number, rowNumber: number, values: Record<string, string>, c: Classified, decision: string | null): NewImportRow {
  return {
    importId,
    run,
    rowNumber,
    class: c.class,
    values,
    changes: c.class === 'update' ? c.changes : null,
    error: c.class === 'error' ? c.error : null,
    nearMatch: c.class === 'duplicate' ? `${c.near.nameEn}${c.near.nameZh ? ` · ${c.near.nameZh}` : ''} (${c.near.countryCode})` : null,
    decision: c.class === 'duplicate' ? decision : null,
  };
}

export type PreviewResult = { kind: 'ok'; counts: ImportCounts } | { kind: 'superseded' } | { kind: 'failed'; error: string };

/**
 * Classifies every row of import `id` for preview run `run` against the registry as it is now, storing each row's
 * class in import_rows (multi-row inserts of IMPORT_CHUNK rows) and the progress in the imports row, yielding to the
 * event loop between chunks. Decisions on possible duplicates of the previous run are kept for rows that are still
 * possible duplicates. Ends with status 'previewed' and the counts, or 'failed' with a catalogue key (the file no
 * longer reads with the chosen encoding or sheet, the mapping lacks a usable column, no home locality); 'superseded'
 * when a newer run started meanwhile (this one then stops and writes nothing more). Runs outside any request
 * (after the response); never throws for a bad file.
 */
export async function runPreview(database: Database, id: string, run: number): Promise<PreviewResult> {
  const imp = await loadImport(database, id);
  if (!imp || imp.previewRun !== run) return { kind: 'superseded' };
  const fail = async (error: string): Promise<PreviewResult> => {
    await database
      .update(imports)
      .set({ status: 'failed', error, version: sql`${imports.version} + 1`, updatedAt: new Date() })
      .where(and(eq(imports.id, id), eq(imports.previewRun, run)));
    return { kind: 'failed', error };
  };
  const read = await readRecords(imp);
  if (!read.ok) return fail(read.error);
  const registry = await loadRegistry(database);
  if (!registry) return fail('imports.noHome');
  const previous = await database
    .select({ rowNumber: importRows.rowNumber, decision: importRows.decision })
    .from(importRows)
    .where(and(eq(importRows.importId, id), eq(importRows.run, run - 1), eq(importRows.class, 'duplicate')));
  const decisions = new Map(previous.map((r) => [r.rowNumber, r.decision]));
  await database.delete(importRows).where(and(eq(importRows.importId, id), eq(importRows.run, run)));
  const counts = { ...EMPTY_COUNTS };
  const pass = newPass();
  for (let start = 0; start < read.rows.length; start += IMPORT_CHUNK) {
    const chunk = read.rows.slice(start, start + IMPORT_CHUNK).map((row) => {
      const c = 'error' in row.record ? ({ class: 'error', error: row.record.error } as const) : classifyRecord(registry, row.record, pass);
      counts[c.class]++;
      return storedRow(id, run, row.rowNumber, row.values, c, decisions.get(row.rowNumber) ?? null);
    });
    const done = start + chunk.length;
    const still = await database.transaction(async (tx) => {
      const [mine] = await tx
        .update(imports)
        .set({ rowsProcessed: done, rowsTotal: read.rows.length, updatedAt: new Date() })
        .where(and(eq(imports.id, id), eq(imports.previewRun, run), eq(imports.status, 'previewing')))
        .returning({ id: imports.id });
      if (!mine) return false;
      if (chunk.length > 0) await tx.insert(importRows).values(chunk);
      return true;
    });
    if (!still) return { kind: 'superseded' };
    await yieldToLoop();
  }
  const [finished] = await database
    .update(imports)
    .set({
      status: 'previewed',
      counts,
      error: null,
      rowsTotal: read.rows.length,
      rowsProcessed: read.rows.length,
      version: sql`${imports.version} + 1`,
      updatedAt: new Date(),
    })
    .where(and(eq(imports.id, id), eq(imports.previewRun, run), eq(imports.status, 'previewing')))
    .returning({ id: imports.id });
  if (!finished) return { kind: 'superseded' };
  await database.delete(importRows).where(and(eq(importRows.importId, id), ne(importRows.run, run)));
  return { kind: 'ok', counts };
}

/** How the user asks for a new preview: a changed mapping, encoding or sheet. */
export interface ReadChoice {
  mapping?: Array<string | null>;
  encoding?: string | null;
  sheet?: string | null;
  header?: string[];
}

export type ChoiceResult = { kind: 'ok'; run: number } | { kind: 'gone' } | { kind: 'conflict' } | { kind: 'busy' };

/**
 * Starts a new preview run of import `id` seen at `version` with the given reading choices (status 'previewing',
 * progress reset). 'conflict' when the import changed since that version, 'busy' while it is being committed (unless
 * that stalled) or is done (committed, discarded), 'gone' when it does not exist. The caller then runs runPreview with the run returned.
 */
export async function choosePreviewReading(executor: Executor, id: string, version: number, choice: ReadChoice): Promise<ChoiceResult> {
  const [row] = await executor.select({ status: imports.status, version: imports.version, updatedAt: imports.updatedAt }).from(imports).where(eq(imports.id, id));
  if (!row) return { kind: 'gone' };
  if (!['previewing', 'previewed', 'failed'].includes(row.status) && !importStalled(row)) return { kind: 'busy' };
  if (row.version !== version) return { kind: 'conflict' };
  const [updated] = await executor
    .update(imports)
    .set({
      ...(choice.mapping ? { mapping: choice.mapping } : {}),
      ...(choice.header ? { header: choice.header } : {}),
      ...(choice.encoding !== undefined ? { encoding: choice.encoding } : {}),
      ...(choice.sheet !== undefined ? { sheet: choice.sheet } : {}),
      status: 'previewing',
      error: null,
      rowsProcessed: 0,
      counts: null,
      previewRun: sql`${imports.previewRun} + 1`,
      version: sql`${imports.version} + 1`,
      updatedAt: new Date(),
    })
    .where(and(eq(imports.id, id), eq(imports.version, version)))
    .returning({ run: imports.previewRun });
  if (!updated) return { kind: 'conflict' };
  return { kind: 'ok', run: updated.run };
}

/**
 * Records the user's decision on one possible duplicate (row `rowNumber` of the current preview): 'accept' imports
 * it as a new partner, 'skip' leaves it out. Bumps the import's version, so a commit from an older page is refused.
 */
export async function decideDuplicate(
  executor: Executor,
  id: string,
  version: number,
  rowNumber: number,
  decision: 'accept' | 'skip',
): Promise<{ kind: 'ok' } | { kind: 'gone' } | { kind: 'conflict' }> {
  const [imp] = await executor
    .update(imports)
    .set({ version: sql`${imports.version} + 1`, updatedAt: new Date() })
    .where(and(eq(imports.id, id), eq(imports.version, version), eq(imports.status, 'previewed')))
    .returning({ run: imports.previewRun });
  if (!imp) return { kind: 'conflict' };
  const [row] = await executor
    .update(importRows)
    .set({ decision })
    .where(and(eq(importRows.importId, id), eq(importRows.run, imp.run), eq(importRows.rowNumber, rowNumber), eq(importRows.class, 'duplicate')))
    .returning({ rowNumber: importRows.rowNumber });
  if (!row) throw new ImportGone();
  return { kind: 'ok' };
}

/** Thrown inside a transaction to roll it back when the row it acts on is not there. */
export class ImportGone extends Error {
  constructor() {
    super('import row gone');
  }
}

/** Drops an import not yet committed (or whose commit stalled): its file and preview rows are deleted, the record stays as 'discarded'. */
export async function discardImport(executor: Executor, id: string, version: number): Promise<{ kind: 'ok' } | { kind: 'conflict' }> {
  const [row] = await executor
    .update(imports)
    .set({ status: 'discarded', content: null, version: sql`${imports.version} + 1`, updatedAt: new Date() })
    .where(
      and(
        eq(imports.id, id),
        eq(imports.version, version),
        or(
          inArray(imports.status, ['previewing', 'previewed', 'failed']),
          and(eq(imports.status, 'committing'), sql`${imports.updatedAt} < ${new Date(Date.now() - IMPORT_STALL_MS)}`),
        ),
      ),
    )
    .returning({ id: imports.id });
  if (!row) return { kind: 'conflict' };
  await executor.delete(importRows).where(eq(importRows.importId, id));
  return { kind: 'ok' };
}

/**
 * Claims a previewed import at `version` for its commit (status 'committing', progress reset); 'conflict' when it
 * changed since (a newer preview, a decision, another commit), 'gone' when it does not exist. runCommit then does it.
 */
export async function startCommit(executor: Executor, id: string, version: number): Promise<{ kind: 'ok' } | { kind: 'conflict' } | { kind: 'gone' }> {
  const [updated] = await executor
    .update(imports)
    .set({ status: 'committing', error: null, rowsProcessed: 0, version: sql`${imports.version} + 1`, updatedAt: new Date() })
    .where(and(eq(imports.id, id), eq(imports.version, version), eq(imports.status, 'previewed')))
    .returning({ id: imports.id });
  if (updated) return { kind: 'ok' };
  const [exists] = await executor.select({ id: imports.id }).from(imports).where(eq(imports.id, id));
  return exists ? { kind: 'conflict' } : { kind: 'gone' };
}

/** Thrown inside the commit's transaction when a row's class changed since the preview: it rolls back, and the preview runs again. */
export class StaleImport extends Error {
  constructor(readonly rowNumber: number) {
    super(`row ${rowNumber} changed class since the preview`);
  }
}

export type CommitResult =
  | { kind: 'ok'; created: number; updated: number; unchanged: number; skipped: number; localitiesCreated: number }
  | { kind: 'stale' }
  | { kind: 'failed' }
  | { kind: 'gone' };

interface Plan {
  newLocalities: Map<string, ImportRecord>;
  newTies: Array<{ record: ImportRecord; partnerLocalityId: string | null; localityKey: string | null }>;
  updates: Array<Extract<Classified, { class: 'update' }>>;
  unchanged: number;
  skipped: number;
}

/** A slug not in `taken` (which it then joins): `base`, else `base-2`, `base-3` ... */
function freeSlug(taken: Set<string>, base: string): string {
  let slug = base;
  for (let n = 2; taken.has(slug); n++) slug = `${base}-${n}`;
  taken.add(slug);
  return slug;
}

/** Inserts rows in chunks of IMPORT_CHUNK (PostgreSQL takes at most 65,535 parameters a statement). */
async function insertAudit(tx: Executor, events: NewAuditEvent[]): Promise<void> {
  for (let i = 0; i < events.length; i += IMPORT_CHUNK) await tx.insert(auditEvents).values(events.slice(i, i + IMPORT_CHUNK));
}


/** Reports progress from inside the commit's transaction without waiting on it (PGlite has one connection). */
function reportProgress(database: Database, id: string, done: number): void {
  void database
    .update(imports)
    .set({ rowsProcessed: sql`greatest(${imports.rowsProcessed}, ${done})`, updatedAt: new Date() })
    .where(and(eq(imports.id, id), eq(imports.status, 'committing')))
    .catch(() => undefined);
}

/**
 * Commits import `id` (claimed by startCommit) as `actor`, in ONE transaction: the registry is loaded inside it,
 * every row is classified again (in chunks, yielding to the event loop) and must still be of its preview class
 * (else 'stale': nothing is written, the preview runs again); then new partner localities, new ties with their first
 * status event, updates (a changed status or type also gets its lifecycle step) are written with multi-row inserts,
 * an audit event per record and one `import.commit` event (file name, counts, who), and the import is marked
 * 'committed' with its file dropped. Possible duplicates are imported as new partners only when accepted. Any error
 * rolls everything back: the import returns to 'previewed' with error 'imports.commitFailed' ('failed' result).
 */
export async function runCommit(database: Database, actor: Actor, id: string): Promise<CommitResult> {
  let result: CommitResult;
  try {
    result = await database.transaction(async (tx) => {
      const imp = await loadImport(tx, id);
      if (!imp || imp.status !== 'committing') return { kind: 'gone' } as const;
      const registry = await loadRegistry(tx);
      const read = await readRecords(imp);
      if (!registry || !read.ok) throw new StaleImport(0);
      const stored = await tx
        .select({ rowNumber: importRows.rowNumber, class: importRows.class, decision: importRows.decision })
        .from(importRows)
        .where(and(eq(importRows.importId, id), eq(importRows.run, imp.previewRun)));
      const byRow = new Map(stored.map((r) => [r.rowNumber, r]));
      if (stored.length !== read.rows.length) throw new StaleImport(0);
      const plan: Plan = { newLocalities: new Map(), newTies: [], updates: [], unchanged: 0, skipped: 0 };
      const pass = newPass();
      for (let start = 0; start < read.rows.length; start += IMPORT_CHUNK) {
        for (const row of read.rows.slice(start, start + IMPORT_CHUNK)) {
          const c: Classified = 'error' in row.record ? { class: 'error', error: row.record.error } : classifyRecord(registry, row.record, pass);
          const was = byRow.get(row.rowNumber);
          if (!was || was.class !== (c.class as ImportRowClass)) throw new StaleImport(row.rowNumber);
          planRow(plan, row.record as ImportRecord, c, was.decision);
        }
        reportProgress(database, id, Math.min(read.rows.length, start + IMPORT_CHUNK));
        await yieldToLoop();
      }
      const written = await applyPlan(tx, actor, registry, plan, imp.fileName);
      const counts = {
        created: plan.newTies.length,
        updated: plan.updates.length,
        unchanged: plan.unchanged,
        skipped: plan.skipped,
        localitiesCreated: written.localitiesCreated,
      };
      await insertAuditEvent(tx, {
        action: 'import.commit',
        entityType: 'import',
        entityId: id,
        actorId: actor.id,
        actorEmail: actor.email,
        after: { fileName: imp.fileName, sha256: imp.sha256, rows: read.rows.length, ...counts },
      });
      const [mine] = await tx
        .update(imports)
        .set({
          status: 'committed',
          content: null,
          committedBy: actor.id,
          committedAt: new Date(),
          rowsProcessed: read.rows.length,
          version: sql`${imports.version} + 1`,
          updatedAt: new Date(),
        })
        .where(and(eq(imports.id, id), eq(imports.status, 'committing')))
        .returning({ id: imports.id });
      // Taken for stalled and previewed again (or discarded) meanwhile: this commit must not land.
      if (!mine) throw new StaleImport(0);
      return { kind: 'ok', ...counts } as const;
    });
  } catch (err) {
    if (err instanceof StaleImport) {
      const [again] = await database
        .update(imports)
        .set({
          status: 'previewing',
          error: 'imports.stale',
          rowsProcessed: 0,
          previewRun: sql`${imports.previewRun} + 1`,
          version: sql`${imports.version} + 1`,
          updatedAt: new Date(),
        })
        .where(and(eq(imports.id, id), eq(imports.status, 'committing')))
        .returning({ run: imports.previewRun });
      if (again) {
        await runPreview(database, id, again.run);
        // The preview clears the error when it finishes; the user is told why they see it again.
        await database.update(imports).set({ error: 'imports.stale' }).where(and(eq(imports.id, id), eq(imports.status, 'previewed')));
      }
      return { kind: 'stale' };
    }
    // The driver's message carries the whole statement; its cause says what went wrong.
    const cause = (err as { cause?: { message?: string } }).cause?.message ?? (err instanceof Error ? err.message : String(err));
    console.error({ msg: 'import commit failed', importId: id, error: cause.slice(0, 500) });
    await database
      .update(imports)
      .set({ status: 'previewed', error: 'imports.commitFailed', version: sql`${imports.version} + 1`, updatedAt: new Date() })
      .where(and(eq(imports.id, id), eq(imports.status, 'committing')));
    return { kind: 'failed' };
  }
  return result;
}

function planRow(plan: Plan, record: ImportRecord, c: Classified, decision: string | null): void {
  switch (c.class) {
    case 'new':
      if (c.newLocalityKey && !plan.newLocalities.has(c.newLocalityKey)) plan.newLocalities.set(c.newLocalityKey, record);
      plan.newTies.push({ record, partnerLocalityId: c.partnerLocalityId, localityKey: c.newLocalityKey });
      return;
    case 'duplicate':
      if (decision !== 'accept') {
        plan.skipped++;
        return;
      }
      // Accepted: a partner of its own beside the near match. The key keeps it apart from any existing locality.
      if (!plan.newLocalities.has(c.newLocalityKey)) plan.newLocalities.set(c.newLocalityKey, record);
      plan.newTies.push({ record, partnerLocalityId: null, localityKey: c.newLocalityKey });
      return;
    case 'update':
      plan.updates.push(c);
      return;
    case 'unchanged':
      plan.unchanged++;
      return;
    case 'error':
      plan.skipped++;
      return;
  }
}

/** Writes a commit's plan in the caller's transaction; throws StaleImport when a tie changed since it was read. */
async function applyPlan(tx: Executor, actor: Actor, registry: Registry, plan: Plan, fileName: string): Promise<{ localitiesCreated: number }> {
  const audit: NewAuditEvent[] = [];
  const who = { actorId: actor.id, actorEmail: actor.email };
  const note = `Imported from ${fileName}`.slice(0, 500);

  // New partner localities, slugs from their English names (as ensureLocality makes them).
  const localitySlugs = new Set((await tx.select({ slug: localities.slug }).from(localities)).map((r) => r.slug));
  const localityIds = new Map<string, { id: string; slug: string }>();
  const newLocalities = [...plan.newLocalities.entries()].map(([key, r]) => {
    const base = slugify(r.nameEn!) || r.countryCode!.toLowerCase();
    const slug = localitySlugs.has(base) ? freeSlug(localitySlugs, `${base}-${r.countryCode!.toLowerCase()}`) : freeSlug(localitySlugs, base);
    return {
      key,
      values: {
        slug,
        nameEn: r.nameEn!,
        nameZh: r.nameZh ?? null,
        level: r.level ?? 'city',
        countryCode: r.countryCode!,
        latitude: r.latitude !== undefined && r.longitude !== undefined ? r.latitude : null,
        longitude: r.latitude !== undefined && r.longitude !== undefined ? r.longitude : null,
        wikidataId: r.wikidataId ?? null,
      },
    };
  });
  for (let i = 0; i < newLocalities.length; i += IMPORT_CHUNK) {
    const chunk = newLocalities.slice(i, i + IMPORT_CHUNK);
    const ids = await tx.insert(localities).values(chunk.map((l) => l.values)).returning({ id: localities.id });
    chunk.forEach((l, j) => {
      localityIds.set(l.key, { id: ids[j]!.id, slug: l.values.slug });
      audit.push({ action: 'locality.create', entityType: 'locality', entityId: ids[j]!.id, ...who, after: l.values });
    });
  }

  // New ties of the home locality, each with its first status event.
  const tieSlugs = new Set(
    (await tx.select({ slug: partnerships.slug }).from(partnerships).where(sql`${partnerships.slug} like ${`${registry.home.slug}-%`}`)).map((r) => r.slug),
  );
  const tieValues = plan.newTies.map((t) => {
    const partner = t.partnerLocalityId ? registry.byId.get(t.partnerLocalityId)! : localityIds.get(t.localityKey!)!;
    const r = t.record;
    return {
      slug: freeSlug(tieSlugs, `${registry.home.slug}-${slugify(partner.slug)}`),
      homeLocalityId: registry.home.id,
      partnerLocalityId: partner.id,
      type: r.type!,
      status: r.status ?? 'active',
      establishedOn: r.established?.on ?? null,
      establishedPrecision: r.established?.precision ?? null,
      establishedBasis: r.establishedBasis ?? null,
      cooperationFields: [...new Set(r.cooperationFields ?? [])],
      summaryEn: r.summaryEn ?? null,
      summaryZh: r.summaryZh ?? null,
      internalNotes: r.internalNotes ?? null,
      sources: r.sources ?? [],
      isPublic: r.isPublic ?? true,
      createdBy: actor.id,
      updatedBy: actor.id,
    };
  });
  for (let i = 0; i < tieValues.length; i += IMPORT_CHUNK) {
    const rows = await tx.insert(partnerships).values(tieValues.slice(i, i + IMPORT_CHUNK)).returning(partnershipSnapshotColumns);
    await tx.insert(partnershipStatusEvents).values(
      rows.map((p) => ({ partnershipId: p.id, status: p.status, effectiveOn: p.establishedOn, effectivePrecision: p.establishedPrecision, note, recordedBy: actor.id })),
    );
    for (const p of rows) audit.push({ action: 'partnership.create', entityType: 'partnership', entityId: p.id, ...who, after: p });
  }

  // Updates: one statement per tie (each sets its own fields), at the version read in this transaction.
  const steps: Array<typeof partnershipStatusEvents.$inferInsert> = [];
  for (const u of plan.updates) {
    if (Object.keys(u.tiePatch).length > 0) {
      const [after] = await tx
        .update(partnerships)
        .set({ ...u.tiePatch, version: sql`${partnerships.version} + 1`, updatedAt: new Date(), updatedBy: actor.id })
        .where(and(eq(partnerships.id, u.tie.id), eq(partnerships.version, u.tie.version), sql`${partnerships.deletedAt} is null`))
        .returning(partnershipSnapshotColumns);
      if (!after) throw new StaleImport(0);
      const typeChanged = u.tiePatch.type !== undefined;
      if (typeChanged || u.tiePatch.status !== undefined) {
        steps.push({
          partnershipId: u.tie.id,
          kind: typeChanged ? 'upgrade' : 'status',
          status: after.status,
          fromType: typeChanged ? u.tie.type : null,
          toType: typeChanged ? after.type : null,
          note,
          recordedBy: actor.id,
        });
      }
      audit.push({ action: 'partnership.update', entityType: 'partnership', entityId: u.tie.id, ...who, before: { ...u.tie, homeLocalityId: registry.home.id }, after });
    }
    if (Object.keys(u.localityPatch).length > 0) {
      await tx.update(localities).set({ ...u.localityPatch, version: sql`${localities.version} + 1`, updatedAt: new Date() }).where(eq(localities.id, u.partner.id));
      const before = Object.fromEntries(Object.keys(u.localityPatch).map((k) => [k, u.partner[k as keyof typeof u.partner]]));
      audit.push({ action: 'locality.update', entityType: 'locality', entityId: u.partner.id, ...who, before, after: u.localityPatch });
    }
  }
  for (let i = 0; i < steps.length; i += IMPORT_CHUNK) await tx.insert(partnershipStatusEvents).values(steps.slice(i, i + IMPORT_CHUNK));
  await insertAudit(tx, audit);
  return { localitiesCreated: newLocalities.length };
}

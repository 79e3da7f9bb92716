import type { CooperationField } from './domain';

// Commitments against deeds: the cooperation fields a tie's agreements (and the tie itself) name, each with the
// activities done in it. Pure.

/** Where a field is named: the tie's own fields, and the ids of the agreements that name it. */
export interface Commitment {
  field: CooperationField;
  byTie: boolean;
  agreementIds: string[];
  /** Ids of the activities in this field, in the order given. */
  activityIds: string[];
}

export interface CommitmentsView {
  /** Every field named, in the order first named (the tie's own fields, then each agreement's). */
  committed: Commitment[];
  /** Fields of activities that nothing named, with those activities (masks to Lahore: health). */
  unnamed: Array<{ field: CooperationField; activityIds: string[] }>;
  /** Activities recorded without any field. */
  unfielded: string[];
}

/**
 * The fields a tie committed to and what was done in each. A field with no activity is committed and not yet acted
 * on; an activity counts under every field it has.
 */
export function commitmentsAgainstDeeds(input: {
  tieFields: readonly CooperationField[];
  agreements: ReadonlyArray<{ id: string; cooperationFields: readonly CooperationField[] }>;
  activities: ReadonlyArray<{ id: string; cooperationFields: readonly CooperationField[] }>;
}): CommitmentsView {
  const committed = new Map<CooperationField, Commitment>();
  const name = (field: CooperationField) => {
    let c = committed.get(field);
    if (!c) committed.set(field, (c = { field, byTie: false, agreementIds: [], activityIds: [] }));
    return c;
  };
  for (const f of input.tieFields) name(f).byTie = true;
  for (const a of input.agreements) {
    for (const f of a.cooperationFields) {
      const c = name(f);
      if (!c.agreementIds.includes(a.id)) c.agreementIds.push(a.id);
    }
  }
  const unnamed = new Map<CooperationField, string[]>();
  const unfielded: string[] = [];
  for (const act of input.activities) {
    if (act.cooperationFields.length === 0) unfielded.push(act.id);
    for (const f of new Set(act.cooperationFields)) {
      const c = committed.get(f);
      if (c) c.activityIds.push(act.id);
      else unnamed.set(f, [...(unnamed.get(f) ?? []), act.id]);
    }
  }
  return { committed: [...committed.values()], unnamed: [...unnamed].map(([field, activityIds]) => ({ field, activityIds })), unfielded };
}

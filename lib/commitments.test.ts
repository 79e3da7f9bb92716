import { describe, expect, it } from 'vitest';
import { commitmentsAgainstDeeds } from './commitments';

const LAHORE = ['economy', 'trade', 'culture', 'tourism', 'science_technology', 'education'] as const;

describe('commitmentsAgainstDeeds', () => {
  it("shows Lahore's six MoU fields as committed and not yet acted on when the masks and the Orange Line fall outside them", () => {
    const view = commitmentsAgainstDeeds({
      tieFields: LAHORE,
      agreements: [{ id: 'mou', cooperationFields: LAHORE }],
      activities: [
        { id: 'metro', cooperationFields: ['infrastructure', 'transport'] },
        { id: 'masks', cooperationFields: ['health'] },
      ],
    });
    expect(view.committed.map((c) => [c.field, c.byTie, c.agreementIds, c.activityIds])).toEqual(LAHORE.map((f) => [f, true, ['mou'], []]));
    expect(view.unnamed).toEqual([
      { field: 'infrastructure', activityIds: ['metro'] },
      { field: 'transport', activityIds: ['metro'] },
      { field: 'health', activityIds: ['masks'] },
    ]);
    expect(view.unfielded).toEqual([]);
  });

  it('puts an activity under every named field it has, keeps the order fields were first named, and lists activities without a field', () => {
    const view = commitmentsAgainstDeeds({
      tieFields: ['culture'],
      agreements: [
        { id: 'a1', cooperationFields: ['education', 'culture'] },
        { id: 'a2', cooperationFields: ['education', 'education'] },
      ],
      activities: [
        { id: 'festival', cooperationFields: ['culture', 'education', 'culture'] },
        { id: 'letter', cooperationFields: [] },
        { id: 'students', cooperationFields: ['education'] },
      ],
    });
    expect(view.committed).toEqual([
      { field: 'culture', byTie: true, agreementIds: ['a1'], activityIds: ['festival'] },
      { field: 'education', byTie: false, agreementIds: ['a1', 'a2'], activityIds: ['festival', 'students'] },
    ]);
    expect(view.unnamed).toEqual([]);
    expect(view.unfielded).toEqual(['letter']);
  });

  it('names nothing for a tie without fields or agreements', () => {
    expect(commitmentsAgainstDeeds({ tieFields: [], agreements: [], activities: [{ id: 'x', cooperationFields: ['sports'] }] })).toEqual({
      committed: [],
      unnamed: [{ field: 'sports', activityIds: ['x'] }],
      unfielded: [],
    });
  });
});

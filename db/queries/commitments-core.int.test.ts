import { beforeAll, describe, expect, it } from 'vitest';
import { db } from '../index';
import { activities, activityPartnerships, localities, partnerships } from '../schema';
import { resetDatabase } from '../testing/reset';
import { queryActivityFieldsOfPartnership } from './commitments-core';

describe('queryActivityFieldsOfPartnership', () => {
  let tie: string;
  let other: string;
  const ids: Record<string, string> = {};
  beforeAll(async () => {
    await resetDatabase();
    const [gz, lh, fk] = await db
      .insert(localities)
      .values([
        { slug: 'guangzhou', nameEn: 'Guangzhou', countryCode: 'CN' },
        { slug: 'lahore', nameEn: 'Lahore', countryCode: 'PK' },
        { slug: 'fukuoka', nameEn: 'Fukuoka', countryCode: 'JP' },
      ])
      .returning({ id: localities.id });
    const ps = await db
      .insert(partnerships)
      .values([
        { slug: 'gz-lh', homeLocalityId: gz!.id, partnerLocalityId: lh!.id, type: 'friendly_cooperation_city' },
        { slug: 'gz-fk', homeLocalityId: gz!.id, partnerLocalityId: fk!.id, type: 'sister_city' },
      ])
      .returning({ id: partnerships.id });
    [tie, other] = [ps[0]!.id, ps[1]!.id];
    const rows = await db
      .insert(activities)
      .values([
        { slug: 'metro', kind: 'project', titleEn: 'Orange Line', cooperationFields: ['infrastructure', 'transport'] },
        { slug: 'letter', kind: 'correspondence', titleEn: 'Letter' },
        { slug: 'gone', kind: 'cultural_event', titleEn: 'Deleted festival', cooperationFields: ['culture'], deletedAt: new Date() },
        { slug: 'fukuoka', kind: 'education_exchange', titleEn: 'Students', cooperationFields: ['education'] },
      ])
      .returning({ id: activities.id, slug: activities.slug });
    for (const r of rows) ids[r.slug] = r.id;
    await db.insert(activityPartnerships).values([
      { activityId: ids.metro!, partnershipId: tie },
      { activityId: ids.letter!, partnershipId: tie },
      { activityId: ids.gone!, partnershipId: tie },
      { activityId: ids.fukuoka!, partnershipId: other },
    ]);
  });

  it("gives the fields of the tie's live activities only", async () => {
    const fields = await queryActivityFieldsOfPartnership(db, tie);
    expect(Object.fromEntries(fields)).toEqual({ [ids.metro!]: ['infrastructure', 'transport'], [ids.letter!]: [] });
  });
});

import { describe, expect, it } from 'vitest';
import { lifecycleStepSchema } from './lifecycle';

const ID = '00000000-0000-4000-8000-000000000001';
const base = { partnershipId: ID, version: '3', effective: '2021-11' };

describe('lifecycle step schema', () => {
  it.each([
    [{ kind: 'status', status: 'letter_of_intent', effective: '2021' }, { status: 'letter_of_intent', effective: '2021' }],
    [{ kind: 'status', status: 'suspended', reviewOn: '2022-06-30' }, { status: 'suspended', reviewOn: '2022-06-30' }],
    [{ kind: 'status', status: 'suspended', reviewOn: '2021-12-01' }, { reviewOn: '2021-12-01' }],
    [{ kind: 'status', status: 'terminated', endedBy: 'mutual', decision: ' Resolution 14 ' }, { endedBy: 'mutual', decision: 'Resolution 14' }],
    [{ kind: 'approval', approvalLevel: 'province', approvalBody: 'Guangdong Provincial Government' }, { status: undefined, approvalLevel: 'province' }],
    [{ kind: 'upgrade', toType: 'sister_city', effective: '2024-05-02' }, { toType: 'sister_city', status: undefined }],
    [{ kind: 'status', status: 'paused', agreementId: '' }, { agreementId: undefined, version: 3 }],
    // What another kind or status would record is dropped, not stored.
    [{ kind: 'status', status: 'paused', reviewOn: '2030-01-01', endedBy: 'home', approvalBody: 'X', toType: 'sister_city' }, { reviewOn: null, endedBy: undefined, approvalBody: null, toType: undefined }],
    [{ kind: 'approval', approvalLevel: 'city', approvalBody: 'City', status: 'terminated' }, { status: undefined }],
  ])('accepts %j', (values, expected) => {
    const result = lifecycleStepSchema.safeParse({ ...base, ...values });
    expect(result.success, JSON.stringify(result.error?.issues)).toBe(true);
    expect(result.data).toMatchObject(expected);
  });

  it.each([
    [{ kind: 'status' }, 'status', 'validation.required'],
    [{ kind: 'status', status: 'dormant' }, 'status', 'validation.invalid'],
    [{ kind: 'status', status: 'suspended' }, 'reviewOn', 'validation.required'],
    [{ kind: 'status', status: 'suspended', reviewOn: '2021-11-01' }, 'reviewOn', 'validation.reviewAfterEffective'],
    // Within the month the suspension began is not after it.
    [{ kind: 'status', status: 'suspended', reviewOn: '2021-11-30' }, 'reviewOn', 'validation.reviewAfterEffective'],
    [{ kind: 'status', status: 'suspended', effective: '2021', reviewOn: '2021-12-31' }, 'reviewOn', 'validation.reviewAfterEffective'],
    [{ kind: 'status', status: 'suspended', reviewOn: '2022-02-30' }, 'reviewOn', 'validation.date'],
    [{ kind: 'status', status: 'terminated' }, 'endedBy', 'validation.required'],
    [{ kind: 'status', status: 'terminated', endedBy: 'nobody' }, 'endedBy', 'validation.invalid'],
    [{ kind: 'status', status: 'paused', effective: '' }, 'effective', 'validation.required'],
    [{ kind: 'status', status: 'paused', effective: '1996-13' }, 'effective', 'validation.partialDate'],
    [{ kind: 'status', status: 'paused', effective: '2999' }, 'effective', 'validation.stepInFuture'],
    [{ kind: 'status', status: 'paused', decision: 'x'.repeat(501), endedBy: 'home' }, 'decision', 'validation.tooLong'],
    [{ kind: 'approval', approvalBody: 'City' }, 'approvalLevel', 'validation.required'],
    [{ kind: 'approval', approvalLevel: 'city', approvalBody: '   ' }, 'approvalBody', 'validation.required'],
    [{ kind: 'upgrade' }, 'toType', 'validation.required'],
    [{ kind: 'status', status: 'paused', agreementId: 'not-an-id' }, 'agreementId', 'validation.invalid'],
    [{ kind: 'status', status: 'paused', version: '0' }, 'version', 'validation.invalid'],
    [{ kind: 'status', status: 'paused', partnershipId: 'x' }, 'partnershipId', 'validation.invalid'],
  ])('refuses %j beside %s', (values, field, message) => {
    const result = lifecycleStepSchema.safeParse({ ...base, ...values });
    expect(result.success).toBe(false);
    expect(result.error!.issues).toContainEqual(expect.objectContaining({ path: [field], message }));
  });
});

import { describe, expect, it } from 'vitest';
import type { StoredValues } from '../../customers/index.ts';
import { mergeFields } from './merge-fields.ts';
import { completeness, planMerge, unionLabelled } from './plan-merge.ts';
import { planUndo } from './plan-undo.ts';

const contacts = mergeFields('contacts');

function contact(values: Record<string, unknown>): StoredValues {
  return {
    first_name: null, last_name: null, display_name: '', emails: [], phones: [], gender: null, birthday: null, street: null, city: null,
    region: null, postcode: null, country: null, source: null, lifecycle_stage: null, value_tier: null, owner_id: null, company_id: null,
    consent_email: false, consent_sms: false, tags: [], attributes: {}, external_id: null, ...values,
  } as StoredValues;
}

describe('planMerge', () => {
  it('keeps the survivor\'s values, fills its empty fields from the merged record and unites lists and tags', () => {
    const survivor = contact({ last_name: '王', city: '上海', emails: [{ value: 'a@x.com', label: 'work' }], tags: ['vip'], attributes: { size: 'L' } });
    const merged = contact({
      last_name: '王五', city: '北京', street: '长安街', emails: [{ value: 'A@x.com', label: null }, { value: 'b@x.com', label: null }],
      tags: ['vip', 'new'], attributes: { size: 'M', level: 3 }, external_id: 'E1', consent_email: true,
    });
    const { patch, outcomes } = planMerge(contacts, survivor, merged, {});
    expect(patch).toEqual({
      street: '长安街',
      emails: [{ value: 'a@x.com', label: 'work' }, { value: 'b@x.com', label: null }],
      tags: ['vip', 'new'],
      attributes: { level: 3 },
    });
    expect(outcomes).toMatchObject({ last_name: 'survivor', city: 'survivor', street: 'merged', emails: 'union', tags: 'union', 'attributes.size': 'survivor', 'attributes.level': 'merged' });
    // a refused consent is a value, not a gap; the external id never moves
    expect(patch).not.toHaveProperty('consent_email');
    expect(patch).not.toHaveProperty('external_id');
  });

  it('honours explicit choices, including taking one side of a list or removing a custom field', () => {
    const survivor = contact({ city: '上海', tags: ['a'], attributes: { size: 'L' } });
    const merged = contact({ city: '北京', tags: ['b'] });
    const { patch } = planMerge(contacts, survivor, merged, { city: 'merged', tags: 'merged', 'attributes.size': 'merged' });
    expect(patch).toEqual({ city: '北京', tags: ['b'], attributes: { size: null } });
    expect(planMerge(contacts, survivor, merged, { city: 'survivor', tags: 'survivor' }).patch).toEqual({});
  });

  it('treats a dangling reference as empty: never takes an inactive owner over, replaces a survivor\'s', () => {
    const survivor = contact({ owner_id: '1' });
    const merged = contact({ owner_id: '2', company_id: '9' });
    expect(planMerge(contacts, survivor, merged, {}, { survivor: ['owner_id'], merged: [] }).patch).toMatchObject({ owner_id: '2', company_id: '9' });
    expect(planMerge(contacts, contact({}), merged, {}, { survivor: [], merged: ['owner_id', 'company_id'] }).patch).toEqual({});
  });

  it('keeps the survivor\'s value of a field the caller may not write: no fill, no union, custom fields too', () => {
    const survivor = contact({ city: null, tags: ['vip'], emails: [{ value: 'a@x.com', label: null }], owner_id: null, attributes: {} });
    const merged = contact({
      city: '北京', street: '长安街', tags: ['new'], emails: [{ value: 'b@x.com', label: null }], owner_id: '7', attributes: { level: 3, size: 'M' },
    });
    const locked = new Set(['city', 'tags', 'email', 'owner_id', 'attributes.level']);
    const { patch, outcomes } = planMerge(contacts, survivor, merged, {}, undefined, (key) => !locked.has(key));
    expect(patch).toEqual({ street: '长安街', attributes: { size: 'M' } });
    expect(outcomes).toMatchObject({ city: 'survivor', tags: 'survivor', emails: 'survivor', owner_id: 'survivor', 'attributes.level': 'survivor', street: 'merged' });
    // unrestricted, the same records fill and unite
    expect(planMerge(contacts, survivor, merged, {}).patch).toMatchObject({ city: '北京', tags: ['vip', 'new'], owner_id: '7', attributes: { level: 3, size: 'M' } });
  });

  it('refuses unknown fields and fields that are never chosen', () => {
    const a = contact({});
    expect(() => planMerge(contacts, a, a, { nickname: 'merged' })).toThrow(expect.objectContaining({ code: 'FIELD_UNKNOWN' }));
    expect(() => planMerge(contacts, a, a, { external_id: 'merged' })).toThrow(expect.objectContaining({ code: 'FIELD_VALUE_INVALID' }));
    expect(planMerge(contacts, a, a, { external_id: 'survivor' }).patch).toEqual({});
  });

  it('reads a choice of the name (display_name) as a choice of the first and last name, unless those are chosen too', () => {
    const survivor = contact({ first_name: '小明', last_name: '王' });
    const merged = contact({ first_name: '晓明', last_name: '汪' });
    expect(planMerge(contacts, survivor, merged, { display_name: 'merged' }).patch).toEqual({ first_name: '晓明', last_name: '汪' });
    expect(planMerge(contacts, survivor, merged, { display_name: 'merged', last_name: 'survivor' }).patch).toEqual({ first_name: '晓明' });
  });

  it('unites labelled lists case-insensitively, survivor first', () => {
    expect(unionLabelled([{ value: '+861', label: 'm' }], [{ value: '+861', label: null }, { value: '+862', label: null }]))
      .toEqual([{ value: '+861', label: 'm' }, { value: '+862', label: null }]);
  });

  it('measures completeness by filled fields, custom fields included', () => {
    expect(completeness(contacts, contact({ last_name: 'x', display_name: 'x', city: 'y', attributes: { a: 1, b: '' } }))).toBe(5);
  });
});

describe('planUndo', () => {
  it('restores the fields the merge changed, keeps later edits as conflicts and leaves untouched fields alone', () => {
    const before = contact({ city: '上海', street: null, tags: ['vip'], attributes: { size: 'L' } });
    const after = contact({ city: '上海', street: '长安街', tags: ['vip', 'new'], attributes: { size: 'L', level: 3 }, phones: [{ value: '+86', label: null }] });
    const current = contact({ city: '杭州', street: '长安街', tags: ['vip', 'new', 'edited'], attributes: { size: 'L', level: 3 }, phones: [{ value: '+86', label: null }] });
    const { patch, conflicts } = planUndo(contacts, before, after, current);
    expect(patch).toEqual({ street: null, phones: [], attributes: { level: null } });
    expect(conflicts).toEqual([{ field: 'tags', reason: 'edited after the merge' }]);
  });

  it('reports a custom field edited after the merge', () => {
    const before = contact({});
    const after = contact({ attributes: { level: 3 } });
    const current = contact({ attributes: { level: 4 } });
    expect(planUndo(contacts, before, after, current)).toEqual({ patch: {}, conflicts: [{ field: 'attributes.level', reason: 'edited after the merge' }] });
  });
});

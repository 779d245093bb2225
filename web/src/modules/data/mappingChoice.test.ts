import { describe, expect, it } from 'vitest';
import { choicesFrom, duplicateTargets, NEW_FIELD, requestMapping, SKIP } from './mappingChoice';

const targets = [
  { key: 'display_name', label: 'Name', label_zh: '姓名', kind: 'text', writable: true },
  { key: 'phone', label: 'Phone', label_zh: '手机', kind: 'phone', writable: true },
  { key: 'attributes.level', label: 'Level', label_zh: null, kind: 'text', writable: true },
  { key: 'tags', label: 'Tags', label_zh: '标签', kind: 'tags', writable: false },
];

describe('import mapping choices', () => {
  it('starts from a suggestion, skipping headers it leaves out or sends to unknown targets', () => {
    const choices = choicesFrom(['姓名', '手机', '备注', '旧列'], { 姓名: 'display_name', 手机: 'phone', 旧列: 'gone_field' }, targets);
    expect(choices).toEqual({ 姓名: 'display_name', 手机: 'phone', 备注: SKIP, 旧列: SKIP });
  });

  it('skips a saved mapping\'s column whose field the role may not write', () => {
    expect(choicesFrom(['姓名', '标签'], { 姓名: 'display_name', 标签: 'tags' }, targets)).toEqual({ 姓名: 'display_name', 标签: SKIP });
  });

  it('sends skipped and new-field columns as null, and asks for custom fields only when some column wants one', () => {
    expect(requestMapping({ a: 'phone', b: SKIP })).toEqual({ mapping: { a: 'phone', b: null }, createCustomFields: false });
    expect(requestMapping({ a: 'phone', b: NEW_FIELD, c: SKIP })).toEqual({ mapping: { a: 'phone', b: '+custom', c: null }, createCustomFields: true });
  });

  it('finds targets fed by two columns, ignoring the non-field choices', () => {
    expect([...duplicateTargets({ a: 'phone', b: 'phone', c: SKIP, d: SKIP, e: NEW_FIELD, f: NEW_FIELD })]).toEqual(['phone']);
    expect(duplicateTargets({ a: 'phone', b: 'attributes.level' }).size).toBe(0);
  });
});

import { describe, expect, it } from 'vitest';
import { sql, Kysely, PostgresAdapter, DummyDriver, PostgresIntrospector, PostgresQueryCompiler } from 'kysely';
import type { NoTables } from '../../../platform/db/database.ts';
import { AppError } from '../../../platform/http/errors.ts';
import { cappedTotal } from './count.ts';
import { compileFilter, likeEscape } from './compile-filter.ts';
import { customFieldEntries, type FieldRegistry, type FilterField } from './field-registry.ts';
import { filterFields, parseFilter } from './parse-filter.ts';
import { keysetPredicate, parseSort } from './sort.ts';

const compiler = new Kysely<NoTables>({
  dialect: {
    createAdapter: () => new PostgresAdapter(),
    createDriver: () => new DummyDriver(),
    createIntrospector: (db) => new PostgresIntrospector(db),
    createQueryCompiler: () => new PostgresQueryCompiler(),
  },
});

const registry: FieldRegistry = new Map<string, FilterField>([
  ['city', { type: 'text', expr: sql`c.city`, permissionKey: 'city' }],
  ['birthday', { type: 'date', expr: sql`c.birthday`, permissionKey: 'birthday' }],
  ['tags', { type: 'tags', expr: sql`c.tags`, permissionKey: 'tags' }],
  ['owner_id', { type: 'id', expr: sql`c.owner_id`, permissionKey: 'owner_id' }],
  ['gender', { type: 'enum', expr: sql`c.gender`, permissionKey: 'gender', values: ['male', 'female'] }],
  ...customFieldEntries('c', [
    { key: 'score', type: 'number', options: [] },
    { key: 'hobbies', type: 'multi_select', options: [{ value: 'golf' }, { value: 'tea' }] },
  ]),
]);

function compiled(filter: unknown) {
  return compileFilter(parseFilter(filter), registry).compile(compiler);
}

function codeOf(fn: () => unknown): string | undefined {
  try {
    fn();
  } catch (e) {
    if (e instanceof AppError) return e.code;
    throw e;
  }
  return undefined;
}

describe('filter parsing', () => {
  it('accepts nested groups and lists the fields used', () => {
    const node = parseFilter('{"and":[{"field":"city","op":"eq","value":"上海"},{"or":[{"field":"tags","op":"has_tag","value":"VIP"}]}]}');
    expect(filterFields(node)).toEqual(['city', 'tags']);
  });
  it('refuses malformed JSON, unknown operators, extra keys, deep nesting and too many conditions', () => {
    expect(codeOf(() => parseFilter('{"and":['))).toBe('FILTER_INVALID');
    expect(codeOf(() => parseFilter({ field: 'city', op: 'like', value: 'x' }))).toBe('FILTER_INVALID');
    expect(codeOf(() => parseFilter({ field: 'city', op: 'eq', value: 'x', sql: '1=1' }))).toBe('FILTER_INVALID');
    expect(codeOf(() => parseFilter([1, 2]))).toBe('FILTER_INVALID');
    let deep: unknown = { field: 'city', op: 'eq', value: 'x' };
    for (let i = 0; i < 6; i++) deep = { and: [deep] };
    expect(codeOf(() => parseFilter(deep))).toBe('FILTER_INVALID');
    const many = { or: Array.from({ length: 51 }, () => ({ field: 'city', op: 'eq', value: 'x' })) };
    expect(codeOf(() => parseFilter(many))).toBe('FILTER_INVALID');
  });
});

describe('filter compilation', () => {
  it('binds every value as a parameter', () => {
    const q = compiled({ field: 'city', op: 'eq', value: "x'; drop table contacts; --" });
    expect(q.sql).not.toContain('drop table');
    expect(q.parameters).toContain("x'; drop table contacts; --");
  });
  it('refuses unknown fields, including injection attempts in the name', () => {
    expect(codeOf(() => compiled({ field: 'city; drop table contacts', op: 'eq', value: 'x' }))).toBe('FILTER_INVALID');
    expect(codeOf(() => compiled({ field: 'attributes.nope', op: 'eq', value: 'x' }))).toBe('FILTER_INVALID');
  });
  it('checks operators and value types per field type', () => {
    expect(codeOf(() => compiled({ field: 'city', op: 'gt', value: 'x' }))).toBe('FILTER_INVALID');
    expect(codeOf(() => compiled({ field: 'birthday', op: 'eq', value: '2023-02-30' }))).toBe('FILTER_INVALID');
    expect(codeOf(() => compiled({ field: 'attributes.score', op: 'gt', value: '5' }))).toBe('FILTER_INVALID');
    expect(codeOf(() => compiled({ field: 'owner_id', op: 'eq', value: '1 or 1=1' }))).toBe('FILTER_INVALID');
    expect(codeOf(() => compiled({ field: 'gender', op: 'eq', value: 'robot' }))).toBe('FILTER_INVALID');
    expect(codeOf(() => compiled({ field: 'attributes.hobbies', op: 'in', value: ['chess'] }))).toBe('FILTER_INVALID');
    expect(codeOf(() => compiled({ field: 'birthday', op: 'between', value: ['2020-01-01'] }))).toBe('FILTER_INVALID');
    expect(codeOf(() => compiled({ field: 'city', op: 'is_empty', value: 'yes' }))).toBe('FILTER_INVALID');
  });
  it('uses containment for custom fields so the GIN index applies', () => {
    const q = compiled({ field: 'attributes.hobbies', op: 'in', value: ['golf', 'tea'] });
    expect(q.sql).toContain('@>');
    expect(q.parameters).toEqual(['{"hobbies":["golf"]}', '{"hobbies":["tea"]}']);
  });
  it('escapes LIKE metacharacters', () => {
    expect(likeEscape('50%_off\\')).toBe('50\\%\\_off\\\\');
  });
});

describe('sorting and counting', () => {
  const sorts = { updated_at: { expr: sql`c.updated_at`, type: 'timestamp' as const, nullable: false, permissionKey: 'updated_at' } };
  it('accepts whitelisted sort fields only', () => {
    expect(parseSort('-updated_at', sorts).desc).toBe(true);
    expect(parseSort(undefined, sorts).name).toBe('updated_at');
    expect(codeOf(() => parseSort('password_hash', sorts))).toBe('SORT_INVALID');
    expect(codeOf(() => parseSort('constructor', sorts))).toBe('SORT_INVALID');
  });
  it('refuses a tampered cursor', () => {
    const sort = parseSort('-updated_at', sorts);
    expect(codeOf(() => keysetPredicate(sort, ['2024-01-01T00:00:00Z', '1; drop'], sql`c.id`))).toBe('CURSOR_INVALID');
  });
  it('caps totals', () => {
    expect(cappedTotal(3, 3)).toEqual({ total: 3, total_capped: false });
    expect(cappedTotal(4, 3)).toEqual({ total: 3, total_capped: true });
  });
});

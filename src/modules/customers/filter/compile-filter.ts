import { sql, type RawBuilder } from 'kysely';
import { AppError } from '../../../platform/http/errors.ts';
import type { FieldRegistry, FilterField, FilterFieldType } from './field-registry.ts';
import type { Condition, FilterNode, FilterOp } from './parse-filter.ts';

const OPS_BY_TYPE: Record<FilterFieldType, readonly FilterOp[]> = {
  text: ['eq', 'neq', 'in', 'contains', 'starts_with', 'is_empty'],
  enum: ['eq', 'neq', 'in', 'is_empty'],
  id: ['eq', 'neq', 'in', 'is_empty'],
  boolean: ['eq', 'neq', 'is_empty'],
  number: ['eq', 'neq', 'in', 'gt', 'gte', 'lt', 'lte', 'between', 'is_empty'],
  date: ['eq', 'neq', 'in', 'gt', 'gte', 'lt', 'lte', 'between', 'is_empty'],
  timestamp: ['eq', 'neq', 'gt', 'gte', 'lt', 'lte', 'between', 'is_empty'],
  tags: ['has_tag', 'eq', 'in', 'is_empty'],
  multi_select: ['has_tag', 'eq', 'in', 'is_empty'],
};

const MAX_IN_VALUES = 500;
const MAX_TEXT_VALUE = 1000;

function invalid(message: string, cond: Condition, extra: Record<string, unknown> = {}): AppError {
  return new AppError('FILTER_INVALID', message, { field: cond.field, op: cond.op, ...extra });
}

/**
 * Compiles a parsed filter into one SQL predicate. Values always travel as bound parameters; field names
 * only select an entry of the object's registry. Types are checked here, so a wrong value is a 400,
 * never a database error.
 */
export function compileFilter(node: FilterNode | null, registry: FieldRegistry): RawBuilder<boolean> {
  if (!node) return sql<boolean>`true`;
  if ('and' in node) {
    if (node.and.length === 0) return sql<boolean>`true`;
    return sql<boolean>`(${sql.join(node.and.map((n) => compileFilter(n, registry)), sql` and `)})`;
  }
  if ('or' in node) {
    if (node.or.length === 0) return sql<boolean>`false`;
    return sql<boolean>`(${sql.join(node.or.map((n) => compileFilter(n, registry)), sql` or `)})`;
  }
  return compileCondition(node, registry);
}

function compileCondition(cond: Condition, registry: FieldRegistry): RawBuilder<boolean> {
  const field = registry.get(cond.field);
  if (!field) throw invalid(`Unknown filter field "${cond.field}"`, cond, { fields: [...registry.keys()] });
  if (!OPS_BY_TYPE[field.type].includes(cond.op)) {
    throw invalid(`Operator "${cond.op}" does not apply to "${cond.field}"`, cond, { ops: OPS_BY_TYPE[field.type] });
  }
  if (cond.op === 'is_empty') {
    if (typeof cond.value !== 'boolean') throw invalid('is_empty takes true or false', cond);
    const empty = emptyPredicate(field);
    return cond.value ? empty : sql<boolean>`not ${empty}`;
  }
  if (field.type === 'tags' || field.type === 'multi_select') return compileArrayCondition(cond, field);
  const e = field.expr;
  const cast = castFor(field.type);
  const one = (v: unknown) => sql`${checkValue(cond, field, v)}${cast}`;
  switch (cond.op) {
    case 'eq':
      if (field.attribute && field.type !== 'date') return containment(field, [checkValue(cond, field, cond.value)]);
      return sql<boolean>`${e} = ${one(cond.value)}`;
    case 'neq':
      return sql<boolean>`${e} is distinct from ${one(cond.value)}`;
    case 'in': {
      const values = listOf(cond).map((v) => checkValue(cond, field, v));
      return sql<boolean>`${e} = any(${values}${arrayCast(field.type)})`;
    }
    case 'contains':
      return sql<boolean>`${e} ilike ${'%' + likeEscape(textValue(cond, cond.value)) + '%'}`;
    case 'starts_with':
      return sql<boolean>`${e} ilike ${likeEscape(textValue(cond, cond.value)) + '%'}`;
    case 'gt':
      return sql<boolean>`${e} > ${one(cond.value)}`;
    case 'gte':
      return sql<boolean>`${e} >= ${one(cond.value)}`;
    case 'lt':
      return sql<boolean>`${e} < ${one(cond.value)}`;
    case 'lte':
      return sql<boolean>`${e} <= ${one(cond.value)}`;
    case 'between': {
      if (!Array.isArray(cond.value) || cond.value.length !== 2) throw invalid('between takes [from, to]', cond);
      return sql<boolean>`${e} between ${one(cond.value[0])} and ${one(cond.value[1])}`;
    }
    default:
      throw invalid(`Operator "${cond.op}" does not apply to "${cond.field}"`, cond);
  }
}

function compileArrayCondition(cond: Condition, field: FilterField): RawBuilder<boolean> {
  const item = (v: unknown): string => {
    if (typeof v !== 'string' || v === '' || v.length > MAX_TEXT_VALUE) throw invalid('The value must be a non-empty string', cond);
    const tag = v.normalize('NFC').trim();
    if (field.values && !field.values.includes(tag)) throw invalid(`"${tag}" is not an option of "${cond.field}"`, cond, { options: field.values });
    return tag;
  };
  let all: string[];
  let any = false;
  if (cond.op === 'in') {
    all = listOf(cond).map(item);
    any = true;
  } else if (Array.isArray(cond.value)) {
    all = cond.value.map(item);
  } else {
    all = [item(cond.value)];
  }
  if (field.attribute) {
    const groups = any ? all.map((v) => containment(field, [[v]])) : [containment(field, [all])];
    return sql<boolean>`(${sql.join(groups, sql` or `)})`;
  }
  // text[] tags: @> (all of) and && (any of) are both served by the GIN index on tags
  return any ? sql<boolean>`${field.expr} && ${all}::text[]` : sql<boolean>`${field.expr} @> ${all}::text[]`;
}

/** `attributes @> {"key": value}`: served by the jsonb_path_ops GIN index. Any of several values → OR. */
function containment(field: FilterField, values: unknown[]): RawBuilder<boolean> {
  const attribute = field.attribute!;
  const parts = values.map((v) => sql<boolean>`${attribute.column} @> ${JSON.stringify({ [attribute.key]: v })}::jsonb`);
  return sql<boolean>`(${sql.join(parts, sql` or `)})`;
}

function emptyPredicate(field: FilterField): RawBuilder<boolean> {
  const e = field.expr;
  switch (field.type) {
    case 'text':
    case 'enum':
      return sql<boolean>`(${e} is null or ${e} = '')`;
    case 'tags':
      return sql<boolean>`(cardinality(${e}) = 0)`;
    case 'multi_select':
      return sql<boolean>`(${e} is null or jsonb_typeof(${e}) <> 'array' or jsonb_array_length(${e}) = 0)`;
    default:
      return sql<boolean>`(${e} is null)`;
  }
}

function listOf(cond: Condition): unknown[] {
  if (!Array.isArray(cond.value) || cond.value.length === 0) throw invalid('in takes a non-empty array', cond);
  if (cond.value.length > MAX_IN_VALUES) throw invalid(`in takes at most ${MAX_IN_VALUES} values`, cond);
  return cond.value;
}

function textValue(cond: Condition, v: unknown): string {
  if (typeof v !== 'string' || v.length > MAX_TEXT_VALUE) throw invalid('The value must be a string', cond);
  return v.normalize('NFC');
}

/** A LIKE pattern built from user text matches that text literally: %, _ and \ lose their meaning. */
export function likeEscape(text: string): string {
  return text.replace(/[\\%_]/g, (c) => `\\${c}`);
}

const DATE = /^(\d{4})-(\d{2})-(\d{2})$/;

function validDate(text: string): boolean {
  const m = DATE.exec(text);
  if (!m) return false;
  const [y, mo, d] = [Number(m[1]), Number(m[2]), Number(m[3])];
  const date = new Date(Date.UTC(y, mo - 1, d));
  return date.getUTCFullYear() === y && date.getUTCMonth() === mo - 1 && date.getUTCDate() === d;
}

/** One value checked against the field's type; returns what is bound as the parameter. */
function checkValue(cond: Condition, field: FilterField, v: unknown): string | number | boolean {
  switch (field.type) {
    case 'number':
      if (typeof v !== 'number' || !Number.isFinite(v)) throw invalid('The value must be a number', cond);
      return v;
    case 'boolean':
      if (typeof v !== 'boolean') throw invalid('The value must be true or false', cond);
      return v;
    case 'date':
      if (typeof v !== 'string' || !validDate(v)) throw invalid('The value must be a date YYYY-MM-DD', cond);
      return v;
    case 'timestamp':
      if (typeof v !== 'string' || !(DATE.test(v.slice(0, 10)) && !Number.isNaN(Date.parse(v)))) throw invalid('The value must be an ISO date or timestamp', cond);
      return v;
    case 'id':
      if (typeof v !== 'string' || !/^\d{1,18}$/.test(v)) throw invalid('The value must be an id string', cond);
      return v;
    case 'enum': {
      const text = textValue(cond, v);
      if (field.values && !field.values.includes(text)) throw invalid(`"${text}" is not a value of "${cond.field}"`, cond, { values: field.values });
      return text;
    }
    default:
      return textValue(cond, v);
  }
}

function castFor(type: FilterFieldType): RawBuilder<unknown> {
  switch (type) {
    case 'number':
      return sql`::numeric`;
    case 'date':
      return sql`::date`;
    case 'timestamp':
      return sql`::timestamptz`;
    case 'boolean':
      return sql`::boolean`;
    case 'id':
      return sql`::bigint`;
    default:
      // no cast: the parameter takes the column's type, so citext columns (email) compare case-insensitively
      return sql``;
  }
}

function arrayCast(type: FilterFieldType): RawBuilder<unknown> {
  switch (type) {
    case 'number':
      return sql`::numeric[]`;
    case 'date':
      return sql`::date[]`;
    case 'id':
      return sql`::bigint[]`;
    default:
      return sql``;
  }
}

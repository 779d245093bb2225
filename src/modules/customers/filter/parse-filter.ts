import { AppError } from '../../../platform/http/errors.ts';

export const FILTER_OPS = ['eq', 'neq', 'in', 'contains', 'starts_with', 'gt', 'gte', 'lt', 'lte', 'between', 'is_empty', 'has_tag'] as const;
export type FilterOp = (typeof FILTER_OPS)[number];

export type Condition = { field: string; op: FilterOp; value: unknown };
export type FilterNode = { and: FilterNode[] } | { or: FilterNode[] } | Condition;

export const MAX_FILTER_DEPTH = 5;
export const MAX_FILTER_CONDITIONS = 50;

function invalid(message: string, details: Record<string, unknown> = {}): AppError {
  return new AppError('FILTER_INVALID', message, details);
}

function isPlainObject(value: unknown): value is Record<string, unknown> {
  return typeof value === 'object' && value !== null && !Array.isArray(value);
}

/**
 * The structure of a filter (query string JSON or an already-parsed body value), checked before any
 * field is looked up: nesting depth and condition count are bounded so one request cannot make the
 * planner chew on a megabyte of OR branches.
 */
export function parseFilter(input: unknown): FilterNode | null {
  if (input === undefined || input === null || input === '') return null;
  let value: unknown = input;
  if (typeof input === 'string') {
    try {
      value = JSON.parse(input);
    } catch {
      throw invalid('The filter is not valid JSON');
    }
  }
  const counter = { conditions: 0 };
  return parseNode(value, 0, counter);
}

function parseNode(value: unknown, depth: number, counter: { conditions: number }): FilterNode {
  if (!isPlainObject(value)) throw invalid('A filter node must be an object');
  const keys = Object.keys(value);
  if ('and' in value || 'or' in value) {
    if (keys.length !== 1) throw invalid('A group has exactly one key, "and" or "or"', { keys });
    if (depth >= MAX_FILTER_DEPTH) throw invalid(`Filters nest at most ${MAX_FILTER_DEPTH} groups deep`, { max_depth: MAX_FILTER_DEPTH });
    const kind = keys[0] as 'and' | 'or';
    const children = value[kind];
    if (!Array.isArray(children)) throw invalid(`"${kind}" must be an array`);
    const parsed = children.map((child) => parseNode(child, depth + 1, counter));
    return kind === 'and' ? { and: parsed } : { or: parsed };
  }
  const allowed = new Set(['field', 'op', 'value']);
  const unknown = keys.filter((k) => !allowed.has(k));
  if (unknown.length > 0) throw invalid('Unknown keys in a filter condition', { keys: unknown });
  const { field, op } = value;
  if (typeof field !== 'string' || field === '') throw invalid('A condition needs a "field" string');
  if (typeof op !== 'string' || !(FILTER_OPS as readonly string[]).includes(op)) {
    throw invalid(`Unknown operator "${String(op)}"`, { field, op: typeof op === 'string' ? op : null, ops: FILTER_OPS });
  }
  counter.conditions += 1;
  if (counter.conditions > MAX_FILTER_CONDITIONS) {
    throw invalid(`A filter has at most ${MAX_FILTER_CONDITIONS} conditions`, { max_conditions: MAX_FILTER_CONDITIONS });
  }
  return { field, op: op as FilterOp, value: value.value };
}

/** Every field a filter mentions, for the field-permission check. */
export function filterFields(node: FilterNode | null): string[] {
  if (!node) return [];
  if ('and' in node) return node.and.flatMap(filterFields);
  if ('or' in node) return node.or.flatMap(filterFields);
  return [node.field];
}

import type { FilterCondition, FilterNode, FilterOp, FilterValue } from '../../platform/listTypes';

/** One row of the filter builder. `id` only keys the React list. */
export interface FilterRow {
  id: string;
  field: string;
  op: FilterOp;
  value: FilterValue;
}

export interface FilterState {
  combinator: 'and' | 'or';
  rows: FilterRow[];
}

export const emptyFilter: FilterState = { combinator: 'and', rows: [] };

let nextRowId = 0;
export function newRowId(): string {
  nextRowId += 1;
  return `r${nextRowId}`;
}

/** A row is sent only once it has a usable value; half-filled rows stay in the UI. */
export function isComplete(row: FilterRow): boolean {
  if (!row.field) return false;
  if (row.op === 'is_empty') return typeof row.value === 'boolean';
  if (row.op === 'between') return Array.isArray(row.value) && row.value.length === 2 && row.value.every((v) => v !== '');
  if (row.op === 'in') return Array.isArray(row.value) && row.value.length > 0;
  return row.value !== null && row.value !== '' && !(Array.isArray(row.value) && row.value.length === 0);
}

export function toFilterNode(state: FilterState): FilterNode | undefined {
  const conditions: FilterCondition[] = state.rows
    .filter(isComplete)
    .map(({ field, op, value }) => ({ field, op, value }));
  if (conditions.length === 0) return undefined;
  return state.combinator === 'or' ? { or: conditions } : { and: conditions };
}

function isCondition(node: unknown): node is FilterCondition {
  return typeof node === 'object' && node !== null && 'field' in node && 'op' in node;
}

/** Saved views store the filter JSON; the builder edits one flat AND/OR group. */
export function fromFilterNode(node: unknown): FilterState {
  if (isCondition(node)) return { combinator: 'and', rows: [{ id: newRowId(), ...node }] };
  if (typeof node === 'object' && node !== null) {
    const group = node as { and?: unknown; or?: unknown };
    const combinator = Array.isArray(group.or) ? 'or' : 'and';
    const children = (combinator === 'or' ? group.or : group.and) as unknown[] | undefined;
    if (Array.isArray(children)) {
      return {
        combinator,
        rows: children.filter(isCondition).map((c) => ({ id: newRowId(), field: c.field, op: c.op, value: c.value })),
      };
    }
  }
  return emptyFilter;
}

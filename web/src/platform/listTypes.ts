/** List envelope shared by every collection endpoint (see docs/api-contract.md). */
export interface ListPage<T> {
  data: T[];
  next_cursor: string | null;
  total?: number;
  total_capped?: boolean;
}

export type FilterOp =
  | 'eq'
  | 'neq'
  | 'in'
  | 'contains'
  | 'starts_with'
  | 'gt'
  | 'gte'
  | 'lt'
  | 'lte'
  | 'between'
  | 'is_empty'
  | 'has_tag';

export type FilterValue = string | number | boolean | null | Array<string | number>;

export interface FilterCondition {
  field: string;
  op: FilterOp;
  value: FilterValue;
}

export type FilterNode = FilterCondition | { and: FilterNode[] } | { or: FilterNode[] };

/** Combine nodes with AND, dropping empties, so callers never send `{and: []}`. */
export function andFilter(...nodes: Array<FilterNode | null | undefined>): FilterNode | undefined {
  const present = nodes.filter((node): node is FilterNode => node != null);
  if (present.length === 0) return undefined;
  if (present.length === 1) return present[0];
  return { and: present };
}

export function filterParam(node: FilterNode | undefined): string | undefined {
  return node ? JSON.stringify(node) : undefined;
}

/** Some endpoints return a bare array, others the list envelope; accept both. */
export function rowsOf<T>(payload: T[] | { data: T[] } | null | undefined): T[] {
  if (!payload) return [];
  return Array.isArray(payload) ? payload : payload.data;
}

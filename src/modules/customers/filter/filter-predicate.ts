import type { RawBuilder } from 'kysely';
import type { Principal } from '../../../platform/http/access.ts';
import { AppError } from '../../../platform/http/errors.ts';
import { assertFieldsReadable, isMasked } from '../../accounts/index.ts';
import { compileFilter } from './compile-filter.ts';
import type { FieldRegistry } from './field-registry.ts';
import { filterFields, parseFilter, type FilterNode } from './parse-filter.ts';

/**
 * Parse, check and compile a filter for one principal. A condition on a field hidden from the role is
 * refused (PERMISSION_DENIED): answering "which rows have salary > X" would reveal the hidden value.
 */
export function filterPredicate(input: unknown, registry: FieldRegistry, principal: Principal, object: string): RawBuilder<boolean> {
  const node = parseFilter(input);
  assertFilterReadable(node, registry, principal, object);
  return compileFilter(node, registry);
}

export function assertFilterReadable(node: FilterNode | null, registry: FieldRegistry, principal: Principal, object: string): void {
  const keys = filterFields(node).map((f) => registry.get(f)?.permissionKey).filter((k): k is string => k !== undefined);
  assertFieldsReadable(principal, object, keys);
  assertMaskedFieldsMatchedWhole(node, registry, principal, object);
}

// On a masked field only whole-value tests are allowed: `starts_with "1381"`, `contains`, `gt` … asked
// one character at a time would reveal the value the mask hides. Equality reveals no more than the
// duplicate check does.
const MASK_SAFE_OPS = new Set(['eq', 'neq', 'in', 'is_empty']);

function assertMaskedFieldsMatchedWhole(node: FilterNode | null, registry: FieldRegistry, principal: Principal, object: string): void {
  if (!node) return;
  if ('and' in node) return node.and.forEach((n) => assertMaskedFieldsMatchedWhole(n, registry, principal, object));
  if ('or' in node) return node.or.forEach((n) => assertMaskedFieldsMatchedWhole(n, registry, principal, object));
  const key = registry.get(node.field)?.permissionKey;
  if (key && !MASK_SAFE_OPS.has(node.op) && isMasked(principal, object, key, 'list')) {
    throw new AppError('PERMISSION_DENIED', `The field "${node.field}" is masked for your role: only eq, neq, in and is_empty apply`, { field: node.field, op: node.op });
  }
}

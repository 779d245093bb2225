import type { RawBuilder } from 'kysely';
import type { Principal } from '../../../platform/http/access.ts';
import { assertFieldsReadable } from '../../accounts/index.ts';
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
}

import type { ComparedField, Side } from './types';

/** Per field: the side whose value survives, or `both` for lists the merge unites. */
export type FieldChoice = Side | 'both';

/** The comparison shows names where the merge chooses references (the owner, the company). */
const MERGE_KEY: Record<string, string> = { owner_name: 'owner_id', company_name: 'company_id' };
/** Lists and tags: the merge keeps both records' entries unless one side is chosen. */
export const UNITED_FIELDS: ReadonlySet<string> = new Set(['emails', 'phones', 'tags']);
/** Stays with its own record: the merged record's external id becomes an alias of the survivor. */
export const FIXED_FIELDS: ReadonlySet<string> = new Set(['external_id']);

/**
 * The starting choices: lists united, every other field the side the server suggests. A field the
 * reader's role may not write gets no choice: the merge keeps the survivor's value (and would refuse
 * the other record's).
 */
export function defaultChoices(fields: readonly ComparedField[]): Record<string, FieldChoice> {
  return Object.fromEntries(fields.filter((f) => !f.read_only).map((f) => [f.key, UNITED_FIELDS.has(f.key) ? 'both' : f.suggested]));
}

/**
 * The merge request's `fields`: each choice said relative to the surviving record, under the merge's
 * field names; united lists and fixed fields are left to the merge's own rule.
 */
export function mergeFieldChoices(choices: Record<string, FieldChoice>, survivor: Side): Record<string, 'survivor' | 'merged'> {
  return Object.fromEntries(Object.entries(choices).flatMap(([key, side]) =>
    side === 'both' || FIXED_FIELDS.has(key) ? [] : [[MERGE_KEY[key] ?? key, side === survivor ? 'survivor' : 'merged']]));
}

/** A compared value as text. */
export function valueText(value: string | null): string {
  return value === null || value === '' ? '—' : value;
}

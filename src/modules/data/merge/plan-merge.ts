import { AppError } from '../../../platform/http/errors.ts';
import type { StoredValues } from '../../customers/index.ts';
import { isEmpty, sameValue, type MergeField } from './merge-fields.ts';

export type Side = 'survivor' | 'merged';
/** What survived per field: one side, or the union of both (lists and tags). */
export type Outcome = Side | 'union';

export type MergePlan = {
  /** a PATCH body for the survivor: only fields whose value changes; attributes per key (null removes) */
  patch: Record<string, unknown>;
  /** per field (and `attributes.<key>`) where both records had something to say */
  outcomes: Record<string, Outcome>;
};

type Labelled = { value: string; label: string | null };

function labelledList(value: unknown): Labelled[] {
  return Array.isArray(value) ? (value as Labelled[]) : [];
}

/** Survivor's entries first, then the merged record's that are not already there (case-insensitive, like the normaliser). */
export function unionLabelled(survivor: unknown, merged: unknown): Labelled[] {
  const out = [...labelledList(survivor)];
  for (const item of labelledList(merged)) {
    if (!out.some((o) => o.value.toLowerCase() === item.value.toLowerCase())) out.push(item);
  }
  return out;
}

export function unionTags(survivor: unknown, merged: unknown): string[] {
  const a = Array.isArray(survivor) ? (survivor as string[]) : [];
  const b = Array.isArray(merged) ? (merged as string[]) : [];
  return [...new Set([...a, ...b])];
}

/**
 * The choices the merge honours: unknown fields and taking a fixed field (external_id) from the merged
 * record are refused; a derived field (display_name) stands for the fields it is made of, unless those
 * are chosen themselves.
 */
export function resolveChoices(fields: readonly MergeField[], choices: Record<string, Side>): Record<string, Side> {
  const resolved: Record<string, Side> = {};
  for (const [key, side] of Object.entries(choices)) {
    if (key.startsWith('attributes.') && key.length > 'attributes.'.length) {
      resolved[key] = side;
      continue;
    }
    const field = fields.find((x) => x.key === key);
    if (!field) throw new AppError('FIELD_UNKNOWN', `There is no field "${key}" to choose`, { field: key });
    if (field.kind === 'fixed' && side === 'merged') {
      throw new AppError('FIELD_VALUE_INVALID', `"${key}" stays with its own record (the merged record's becomes an alias of the survivor)`, { field: key });
    }
    if (field.kind !== 'derived') resolved[key] = side;
  }
  for (const field of fields) {
    const side = choices[field.key];
    if (field.kind !== 'derived' || side === undefined) continue;
    for (const part of field.derivedFrom ?? []) resolved[part] ??= side;
  }
  return resolved;
}

/**
 * Decides every field of the surviving record. Without a choice a field keeps the survivor's value unless
 * that is empty (then the merged record's: the most complete record wins), lists and tags are unions, and
 * custom fields follow the same rule key by key. A reference that points nowhere any more (an inactive
 * owner, a deleted company) counts as empty and is never taken over. A field the caller may not write
 * (`writable` says no for its permission key: hidden or read-only) keeps the survivor's value whatever
 * the default rule would do — no fill, no union — since the merge writes the survivor as that caller;
 * the merged record's value stays on the retired record, and undo brings it back. Pure: no database; the
 * permissions come in as `writable`.
 */
export function planMerge(
  fields: readonly MergeField[],
  survivor: StoredValues,
  merged: StoredValues,
  choices: Record<string, Side>,
  dangling: { survivor: readonly string[]; merged: readonly string[] } = { survivor: [], merged: [] },
  writable: (permissionKey: string) => boolean = () => true,
): MergePlan {
  const chosen = resolveChoices(fields, choices);
  const patch: Record<string, unknown> = {};
  const outcomes: Record<string, Outcome> = {};
  const emptyIn = (side: Side, key: string, value: unknown) => isEmpty(value) || (side === 'survivor' ? dangling.survivor : dangling.merged).includes(key);

  for (const field of fields) {
    if (field.kind === 'fixed' || field.kind === 'derived') continue;
    const s = survivor[field.key];
    const m = merged[field.key];
    const choice = chosen[field.key];
    let value: unknown;
    let outcome: Outcome;
    if (!writable(field.permissionKey)) [value, outcome] = [s, 'survivor'];
    else if (choice === 'merged') [value, outcome] = [m, 'merged'];
    else if (choice === 'survivor') [value, outcome] = [s, 'survivor'];
    else if (field.kind === 'list') [value, outcome] = [unionLabelled(s, m), 'union'];
    else if (field.kind === 'tags') [value, outcome] = [unionTags(s, m), 'union'];
    else if (emptyIn('survivor', field.key, s) && !emptyIn('merged', field.key, m)) [value, outcome] = [m, 'merged'];
    else [value, outcome] = [s, 'survivor'];
    if (!isEmpty(s) || !isEmpty(m)) outcomes[field.key] = outcome;
    if (!sameValue(value, s)) patch[field.key] = value;
  }

  const attributes: Record<string, unknown> = {};
  const keys = new Set([...Object.keys(survivor.attributes), ...Object.keys(merged.attributes)]);
  for (const key of [...keys].sort()) {
    const s = survivor.attributes[key];
    const m = merged.attributes[key];
    const choice = chosen[`attributes.${key}`];
    const takeMerged = writable(`attributes.${key}`) && (choice === 'merged' || (choice === undefined && isEmpty(s) && !isEmpty(m)));
    const value = takeMerged ? m : s;
    outcomes[`attributes.${key}`] = takeMerged ? 'merged' : 'survivor';
    if (!sameValue(value, s)) attributes[key] = value ?? null;
  }
  if (Object.keys(attributes).length > 0) patch.attributes = attributes;
  return { patch, outcomes };
}

/** How complete a record is: its non-empty standard fields and custom fields (bulk merge keeps the more complete one). */
export function completeness(fields: readonly MergeField[], values: StoredValues): number {
  let n = 0;
  for (const field of fields) if (field.kind !== 'derived' && !isEmpty(values[field.key])) n++;
  for (const value of Object.values(values.attributes)) if (!isEmpty(value)) n++;
  return n;
}

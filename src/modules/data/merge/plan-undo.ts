import type { StoredValues } from '../../customers/index.ts';
import { sameValue, type MergeField } from './merge-fields.ts';

export type UndoConflict = { field: string; reason: string };

export const EDITED_AFTER_MERGE = 'edited after the merge';

/**
 * Which of the survivor's fields an undo puts back. For each field the merge changed (before ≠ after):
 * unchanged since (current = after) → back to the value before the merge; changed since → the later
 * edit is kept and reported as a conflict. Fields the merge did not change are not touched at all.
 * Pure: the caller writes the patch through the record's own update path.
 */
export function planUndo(
  fields: readonly MergeField[],
  before: StoredValues,
  after: StoredValues,
  current: StoredValues,
): { patch: Record<string, unknown>; conflicts: UndoConflict[] } {
  const patch: Record<string, unknown> = {};
  const conflicts: UndoConflict[] = [];
  for (const field of fields) {
    if (field.kind === 'fixed' || field.kind === 'derived') continue;
    const b = before[field.key];
    const a = after[field.key];
    if (sameValue(a, b)) continue;
    if (sameValue(current[field.key], a)) patch[field.key] = b ?? null;
    else conflicts.push({ field: field.key, reason: EDITED_AFTER_MERGE });
  }
  const attributes: Record<string, unknown> = {};
  const keys = new Set([...Object.keys(before.attributes), ...Object.keys(after.attributes)]);
  for (const key of [...keys].sort()) {
    const b = before.attributes[key];
    const a = after.attributes[key];
    if (sameValue(a, b)) continue;
    if (sameValue(current.attributes[key], a)) attributes[key] = b ?? null;
    else conflicts.push({ field: `attributes.${key}`, reason: EDITED_AFTER_MERGE });
  }
  if (Object.keys(attributes).length > 0) patch.attributes = attributes;
  return { patch, conflicts };
}

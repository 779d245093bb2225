import type { ImportUpload } from './types';

/** The mapping select's two choices that are not fields. */
export const SKIP = '__skip__';
export const NEW_FIELD = '__new__';

/** header → a target key, SKIP or NEW_FIELD: what the mapping table edits. */
export type MappingChoices = Record<string, string>;

/**
 * The server's suggestion (or a saved mapping) as choices; headers it does not name are skipped, and so
 * are headers it sends to a field the reader's role may not write (the server would refuse the import).
 */
export function choicesFrom(headers: readonly string[], mapping: Record<string, string | null>, targets: ImportUpload['targets']): MappingChoices {
  const known = new Set(targets.filter((t) => t.writable).map((t) => t.key));
  return Object.fromEntries(headers.map((h) => {
    const target = mapping[h];
    return [h, target && known.has(target) ? target : SKIP];
  }));
}

/** The server's mapping target for "make a new custom field of this column" (type inferred from its values). */
export const SERVER_NEW_FIELD = '+custom';

/** The request's mapping: skipped columns are null, new-field columns ask the server for a custom field each. */
export function requestMapping(choices: MappingChoices): { mapping: Record<string, string | null>; createCustomFields: boolean } {
  const mapping = Object.fromEntries(Object.entries(choices).map(([h, c]) => [h, c === SKIP ? null : c === NEW_FIELD ? SERVER_NEW_FIELD : c]));
  return { mapping, createCustomFields: Object.values(choices).includes(NEW_FIELD) };
}

/** Columns mapped to a target another column already feeds (the server refuses the import). */
export function duplicateTargets(choices: MappingChoices): Set<string> {
  const seen = new Set<string>();
  const twice = new Set<string>();
  for (const c of Object.values(choices)) {
    if (c === SKIP || c === NEW_FIELD) continue;
    if (seen.has(c)) twice.add(c);
    seen.add(c);
  }
  return twice;
}

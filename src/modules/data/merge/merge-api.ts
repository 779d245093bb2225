/** What the rest of Relata (the CLI, imports) calls of merge; the module's index re-exports it in one line. */
export { mergeRecords, type MergeInput } from './merge-records.ts';
export { undoMerge } from './undo-merge.ts';
export { bulkMerge, type BulkMergeHooks } from './bulk-merge.ts';
export { aliasSurvivors } from './alias-survivors.ts';
export { MERGE_OBJECTS, type MergeObject } from './merge-fields.ts';

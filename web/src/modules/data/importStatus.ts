import type { ImportBatch } from './types';

/** Batches in these states still change: the views poll them. */
export function isImportActive(batch: Pick<ImportBatch, 'status'>): boolean {
  return ['queued', 'staging', 'applying', 'undoing'].includes(batch.status);
}

export const IMPORT_STATUS_COLORS: Record<string, string> = {
  queued: 'gray', staging: 'blue', applying: 'blue', succeeded: 'teal', failed: 'red', cancelled: 'gray', undoing: 'orange', undone: 'gray',
};

/** Only a finished import can be undone (the server refuses any other), and only one that wrote records. */
export function canUndoImport(batch: ImportBatch): boolean {
  return batch.status === 'succeeded' && batch.rows_created + batch.rows_updated > 0;
}

import type { ApiBody, ApiListItem, ApiResponse } from '../../platform/apiTypes';

/**
 * Shapes of the data module's API (import, duplicates, merge, data quality), generated from the
 * server's schemas (apiTypes) — except the multipart upload, whose route declares no response schema.
 */

export const IMPORT_OBJECTS = ['contacts', 'companies', 'orders', 'products'] as const;
export type ImportObject = (typeof IMPORT_OBJECTS)[number];

export const IMPORT_MODES = ['create', 'update', 'upsert'] as const;
export type ImportMode = (typeof IMPORT_MODES)[number];

/** The keys each object's records can be matched on (the server refuses any other). */
export const MATCH_KEYS: Record<ImportObject, readonly string[]> = {
  contacts: ['external_id', 'email', 'phone'],
  companies: ['external_id', 'domain', 'name'],
  orders: ['external_id', 'number'],
  products: ['external_id', 'sku'],
};

export interface ImportTarget {
  key: string;
  label: string;
  label_zh: string | null;
  kind: string;
  /** false: the reader's role may not write the field (read-only); shown, never chosen. Hidden fields are not listed. */
  writable: boolean;
}

export type SavedMapping = ApiListItem<'/api/v1/import-mappings'>;

/** POST /imports/uploads (multipart; the route declares no response schema, so this stays hand-written). */
export interface ImportUpload {
  upload_id: string;
  file_name: string;
  size: number;
  format: 'csv' | 'xlsx';
  encoding: string | null;
  headers: string[];
  preview: string[][];
  row_estimate: number | null;
  suggested_mapping: Array<{ header: string; target: string | null }>;
  targets: ImportTarget[];
  saved_mappings: Array<{ id: string; name: string; mapping: Record<string, string | null> }>;
}

export type StartImportBody = ApiBody<'/api/v1/imports', 'post'>;

export interface UndoResult {
  removed?: number;
  restored?: number;
  fields_removed?: number;
  conflicts?: Array<{ object: string; record_id: string; reason: string }>;
}

export type ImportBatch = ApiResponse<'/api/v1/imports/{id}', 'get'>;

export type ImportError = ApiListItem<'/api/v1/imports/{id}/errors'>;

export type CustomerObject = 'contacts' | 'companies';

export type DuplicatePair = ApiListItem<'/api/v1/duplicates'>;
export type DuplicateReason = DuplicatePair['reasons'][number];
export type RecordSummary = DuplicatePair['a'];
export type DuplicatePairDetail = ApiResponse<'/api/v1/duplicates/{id}', 'get'>;
export type ComparedField = DuplicatePairDetail['fields'][number];

export type Side = 'a' | 'b';

export type Merge = ApiListItem<'/api/v1/merges'>;

export type MergeUndoResult = ApiResponse<'/api/v1/merges/{id}/undo', 'post'>;

export type DataQuality = ApiResponse<'/api/v1/data-quality', 'get'>;

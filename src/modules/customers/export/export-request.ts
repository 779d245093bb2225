import type { RawBuilder } from 'kysely';
import type { Sort } from '../filter/sort.ts';
import type { ExportColumn } from './columns.ts';

export const EXPORT_OBJECTS = ['contacts', 'companies', 'orders'] as const;
export type ExportObject = (typeof EXPORT_OBJECTS)[number];
export const EXPORT_FORMATS = ['csv', 'xlsx'] as const;
export type ExportFormat = (typeof EXPORT_FORMATS)[number];

/** What to export: the same filter, sort and quick text as the list, plus the file format. */
export type ExportRequest = {
  object: ExportObject;
  format: ExportFormat;
  /** the list's filter language, as JSON text or an already-parsed value */
  filter?: unknown;
  sort?: string | undefined;
  q?: string | undefined;
  /** a subset of the headers, in this order; default: every column the role may read */
  columns?: string[] | undefined;
  /** orders only: one row per order line instead of one per order */
  lines?: boolean | undefined;
};

/**
 * An export compiled for one principal: the base table and its predicate (workspace, not deleted, data
 * scope, filter — all SQL on `alias`), the joins the columns read from, and the columns themselves.
 */
export type ExportSource = {
  alias: string;
  table: RawBuilder<unknown>;
  joins: RawBuilder<unknown>;
  where: RawBuilder<boolean>;
  /** null: keyset on id alone, the cheapest walk over the primary key */
  sort: Sort | null;
  columns: ExportColumn[];
  /**
   * Set when `joins` yields several rows per base row (order lines): batches then pick base rows first,
   * so a batch boundary never splits one order's lines; children are ordered by this id.
   */
  children?: { idExpr: RawBuilder<unknown> };
};

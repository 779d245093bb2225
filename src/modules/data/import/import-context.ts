import { sql } from 'kysely';
import type { Db, Tx } from '../../../platform/db/database.ts';
import { loadFieldDefinitions, type FieldDefinition } from '../../customers/index.ts';
import type { ImportObject } from './mapping/targets.ts';

export const IMPORT_MODES = ['create', 'update', 'upsert'] as const;
export type ImportMode = (typeof IMPORT_MODES)[number];

/** One problem with one row of the file: what the error report lists. */
export type RowError = { column: string | null; code: string; message: string };

/** What every row conversion needs, loaded once per run. */
export type ImportContext = {
  workspaceId: string;
  batchId: string;
  userId: string | null;
  object: ImportObject;
  mode: ImportMode;
  matchKey: string | null;
  region: string;
  timeZone: string;
  currency: string;
  definitions: FieldDefinition[];
  /** lower-cased email → user id, for an `owner` column */
  usersByEmail: Map<string, string>;
  /** target key → column index in the file */
  columns: Map<string, number>;
  headers: string[];
  createMissingContacts: boolean;
};

export async function loadImportContext(
  db: Db | Tx,
  batch: { workspaceId: string; batchId: string; userId: string | null; object: ImportObject; mode: ImportMode; matchKey: string | null; createMissingContacts: boolean },
  headers: string[],
  mapping: Record<string, string | null>,
): Promise<ImportContext> {
  const { rows } = await sql<{ timezone: string; currency: string; region: string }>`
    select timezone, currency, default_region as region from workspaces where id = ${batch.workspaceId}`.execute(db);
  const ws = rows[0];
  if (!ws) throw new Error(`workspace ${batch.workspaceId} does not exist`);
  const users = await sql<{ email: string; id: string }>`
    select lower(email) as email, id::text from users where workspace_id = ${batch.workspaceId} and active`.execute(db);
  const fieldObject = batch.object === 'contacts' || batch.object === 'companies' ? batch.object : null;
  const columns = new Map<string, number>();
  headers.forEach((header, index) => {
    const target = mapping[header];
    if (target) columns.set(target, index);
  });
  return {
    ...batch,
    region: ws.region,
    timeZone: ws.timezone,
    currency: ws.currency,
    definitions: fieldObject ? await loadFieldDefinitions(db, batch.workspaceId, fieldObject) : [],
    usersByEmail: new Map(users.rows.map((u) => [u.email, u.id])),
    columns,
    headers,
  };
}

/** Digits after the decimal point of a currency's minor unit (CNY 2, JPY 0). */
export function fractionDigits(currency: string): number {
  return new Intl.NumberFormat('en', { style: 'currency', currency }).resolvedOptions().maximumFractionDigits ?? 2;
}

/** The trimmed cell of a mapped target, or null when the column is not mapped or the cell is blank. */
export function cell(ctx: ImportContext, cells: readonly string[], target: string): string | null {
  const index = ctx.columns.get(target);
  if (index === undefined) return null;
  const value = cells[index];
  if (value === undefined) return null;
  const text = value.trim();
  return text === '' ? null : text;
}

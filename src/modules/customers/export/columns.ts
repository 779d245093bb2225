import { sql, type RawBuilder } from 'kysely';
import type { Principal } from '../../../platform/http/access.ts';
import { AppError } from '../../../platform/http/errors.ts';
import { isHidden, readableField, type MaskKind } from '../../accounts/index.ts';
import type { FieldDefinition } from '../fields/field-definitions.ts';
import { attributeAccess } from '../records/readable-fields.ts';
import type { CellKind } from './cells.ts';

/**
 * One column of an export: its header, how its cells are written, and the SQL that reads it — already
 * masked by the database where the role masks the field. A field hidden from the role produces no column
 * at all (not an empty one), so the file does not even tell that the field exists.
 */
export type ExportColumn = { header: string; kind: CellKind; expr: RawBuilder<unknown> };

export type ColumnSpec = {
  header: string;
  kind?: CellKind;
  expr: RawBuilder<unknown>;
  /** the field-permission key; omitted for columns every reader may see (id) */
  permissionKey?: string;
  /** how the value is masked when the role masks the field; ids and dates are never masked */
  mask?: MaskKind;
};

/** The columns a principal may read, masked for the 'list' read path (exports count as lists). */
export function readableColumns(principal: Principal, object: string, specs: readonly ColumnSpec[]): ExportColumn[] {
  const columns: ExportColumn[] = [];
  for (const spec of specs) {
    const kind = spec.kind ?? 'text';
    if (!spec.permissionKey) {
      columns.push({ header: spec.header, kind, expr: spec.expr });
      continue;
    }
    if (isHidden(principal, object, spec.permissionKey)) continue;
    const expr = spec.mask ? readableField(principal, object, spec.permissionKey, spec.expr, spec.mask, 'list') : spec.expr;
    columns.push({ header: spec.header, kind, expr });
  }
  return columns;
}

/** `a;b;c` from a text[] column. */
export function joinedArray(column: RawBuilder<unknown>): RawBuilder<unknown> {
  return sql`array_to_string(${column}, ';')`;
}

const MASK_FN = { phone: sql`relata_mask_phone`, email: sql`relata_mask_email`, text: sql`relata_mask_text` } as const;

/**
 * `a;b` from a `[{value,label}]` JSONB list (emails, phones): the values only, each masked when `mask` is
 * given — masked straight into the joined text rather than through a masked JSONB copy (half the cost).
 */
export function joinedListValues(list: RawBuilder<unknown>, mask: MaskKind | null): RawBuilder<unknown> {
  const value = sql`coalesce(e->>'value', e#>>'{}')`;
  return sql`(select string_agg(${mask ? sql`${MASK_FN[mask]}(${value})` : value}, ';') from jsonb_array_elements(
    case when jsonb_typeof(${list}) = 'array' then ${list} else '[]'::jsonb end) e)`;
}

/**
 * One column per custom field, header = key. Values by type: multi_select joined with `;`, booleans as
 * true/false, numbers as numbers; money is stored in minor units of the workspace currency and exported as
 * such, in a column named `<key>_minor` so nobody reads 12345 as ¥12,345. A key that collides with a
 * standard header is exported as `attributes.<key>`. A field masked for the role is exported masked (as text).
 */
export function customFieldColumns(
  principal: Principal,
  object: string,
  definitions: readonly FieldDefinition[],
  attributes: RawBuilder<unknown>,
  taken: ReadonlySet<string>,
): ExportColumn[] {
  const columns: ExportColumn[] = [];
  for (const def of definitions) {
    const access = attributeAccess(principal, object, def);
    if (access.hidden) continue;
    const masked = access.mask !== null; // any mask mode applies on the list read path
    const base = def.type === 'money' ? `${def.key}_minor` : def.key;
    const header = taken.has(base) ? `attributes.${base}` : base;
    const raw = sql`(${attributes} -> ${def.key}::text)`;
    const text = sql`(${attributes} ->> ${def.key}::text)`;
    if (def.type === 'multi_select') {
      const items = sql`jsonb_array_elements_text(case when jsonb_typeof(${raw}) = 'array' then ${raw} else '[]'::jsonb end)`;
      const item = masked ? sql`relata_mask_text(x)` : sql`x`;
      columns.push({ header, kind: 'text', expr: sql`(select string_agg(${item}, ';') from ${items} x)` });
    } else if (masked) {
      columns.push({ header, kind: 'text', expr: sql`relata_mask_text(${text})` });
    } else if (def.type === 'number' || def.type === 'money') {
      columns.push({ header, kind: 'number', expr: sql`(case when jsonb_typeof(${raw}) = 'number' then ${text} end)` });
    } else if (def.type === 'boolean') {
      columns.push({ header, kind: 'boolean', expr: sql`(case when jsonb_typeof(${raw}) = 'boolean' then (${text})::boolean end)` });
    } else {
      columns.push({ header, kind: 'text', expr: text });
    }
  }
  return columns;
}

/** Keeps the requested columns, in the requested order; an unknown or hidden name is refused. */
export function selectColumns(all: ExportColumn[], wanted: readonly string[] | undefined): ExportColumn[] {
  if (!wanted || wanted.length === 0) return all;
  const byHeader = new Map(all.map((c) => [c.header, c]));
  const unknown = wanted.filter((h) => !byHeader.has(h));
  if (unknown.length > 0) {
    throw new AppError('VALIDATION_FAILED', `Unknown export column(s): ${unknown.join(', ')}`, { field: 'columns', unknown, allowed: [...byHeader.keys()] });
  }
  return [...new Set(wanted)].map((h) => byHeader.get(h)!);
}

import { sql, type RawBuilder } from 'kysely';
import type { Principal } from '../../../platform/http/access.ts';
import { derivedFields, isHidden, isMasked, type MaskKind } from '../../accounts/index.ts';

/**
 * A field rule also governs the field's list form: "phone" covers the primary phone and every number
 * in "phones" (the contract exposes both), likewise email/emails.
 */
function coveredKeys(field: string): string[] {
  return field.endsWith('s') ? [field] : [field, `${field}s`];
}

function maskKind(field: string): MaskKind {
  if (field.includes('phone')) return 'phone';
  if (field.includes('email')) return 'email';
  return 'text';
}

/**
 * The `changes` of audit rows of `object` as the principal may read them, as a SQL expression over
 * `changes` (jsonb { field: [old, new] }): hidden fields are left out entirely — even the fact that
 * they changed — and masked fields are masked by the database (relata_mask_jsonb), on the same rules
 * as every other read path (accounts' field policy). Timeline and history read in the detail context.
 */
export function readableChangesSql(principal: Principal, object: string, changes: RawBuilder<unknown>): RawBuilder<unknown> {
  // a derived field (display_name) is hidden or masked through its parts, which the role names instead
  const named = (rules: Record<string, unknown> | undefined) => [...new Set([...Object.keys(rules ?? {}), ...derivedFields(object)])];
  const hidden = named(principal.permissions.fields[object])
    .filter((f) => isHidden(principal, object, f))
    .flatMap(coveredKeys);
  const masked = named(principal.permissions.masks[object])
    .filter((f) => !isHidden(principal, object, f) && isMasked(principal, object, f, 'detail'))
    .flatMap((f) => coveredKeys(f).map((key) => ({ key, kind: maskKind(f) })));
  if (hidden.length === 0 && masked.length === 0) return sql`coalesce(${changes}, '{}'::jsonb)`;
  const keys = masked.map((m) => m.key);
  const kinds = masked.map((m) => m.kind);
  return sql`(select coalesce(jsonb_object_agg(e.key,
                 case when m.kind is null then e.value else relata_mask_jsonb(e.value, m.kind) end), '{}'::jsonb)
              from jsonb_each(coalesce(${changes}, '{}'::jsonb)) e
              left join unnest(${keys}::text[], ${kinds}::text[]) as m(key, kind) on m.key = e.key
              where e.key <> all(${hidden}::text[]))`;
}

import { sql, type RawBuilder } from 'kysely';
import type { MaskMode, Principal } from '../../../platform/http/access.ts';
import { isHidden, isMasked, maskSql, type MaskKind, type ReadContext } from '../../accounts/index.ts';
import type { FieldDefinition } from '../fields/field-definitions.ts';

/**
 * Read-path helpers for the shapes `readableField` does not cover: labelled lists (emails, phones),
 * the custom-field JSONB and audit `changes`. All of them mask inside SQL, like readableField.
 */


/** `[{value,label}]` lists: hidden → [], masked → each value masked, labels kept. */
export function readableList(
  principal: Principal,
  object: string,
  field: string,
  column: RawBuilder<unknown>,
  kind: MaskKind,
  context: ReadContext,
): RawBuilder<unknown> {
  if (isHidden(principal, object, field)) return sql`'[]'::jsonb`;
  if (!isMasked(principal, object, field, context)) return column;
  return maskedList(column, kind);
}

function maskedList(column: RawBuilder<unknown>, kind: MaskKind): RawBuilder<unknown> {
  return sql`(select coalesce(jsonb_agg(case when jsonb_typeof(e) = 'object'
      then jsonb_set(e, '{value}', to_jsonb(${maskSql(kind, sql`(e->>'value')`)}))
      else to_jsonb(${maskSql(kind, sql`(e #>> '{}')`)}) end), '[]'::jsonb)
    from jsonb_array_elements(case when jsonb_typeof(${column}) = 'array' then ${column} else '[]'::jsonb end) e)`;
}

/**
 * How a role sees one custom field. Field permissions use the key `attributes.<key>`. A field flagged
 * sensitive is masked wherever the role masks `phone` for that object (same mode), unless the role names
 * `attributes.<key>` in its masks itself — then that setting wins (any value other than list/everywhere
 * switches masking off).
 */
export function attributeAccess(principal: Principal, object: string, def: Pick<FieldDefinition, 'key' | 'sensitive'>): { hidden: boolean; mask: MaskMode | null } {
  const key = `attributes.${def.key}`;
  if (isHidden(principal, object, key)) return { hidden: true, mask: null };
  const masks = principal.permissions.masks[object] ?? {};
  if (Object.hasOwn(masks, key)) {
    const mode = masks[key];
    return { hidden: false, mask: mode === 'list' || mode === 'everywhere' ? mode : null };
  }
  if (def.sensitive && (masks.phone === 'list' || masks.phone === 'everywhere')) return { hidden: false, mask: masks.phone };
  return { hidden: false, mask: null };
}

function applies(mode: MaskMode | null, context: ReadContext): boolean {
  return mode === 'everywhere' || (mode === 'list' && context === 'list');
}

/**
 * The attributes object with only the keys of `definitions` (the live ones): hidden keys left out, masked
 * values replaced by masked text. A key without a live definition is left out too — a deleted field's values
 * stay in records until its job has stripped them (fields/purge-field-values.ts), and with no definition
 * there is no hidden or masked setting left to apply to them.
 */
export function readableAttributes(
  principal: Principal,
  object: string,
  definitions: readonly FieldDefinition[],
  column: RawBuilder<unknown>,
  context: ReadContext,
): RawBuilder<unknown> {
  const hidden: string[] = [];
  const masked: FieldDefinition[] = [];
  const plain: string[] = [];
  for (const def of definitions) {
    const access = attributeAccess(principal, object, def);
    if (access.hidden) hidden.push(def.key);
    else if (applies(access.mask, context)) masked.push(def);
    else plain.push(def.key);
  }
  const removed = [...hidden, ...masked.map((d) => d.key)];
  const live = definitions.map((d) => d.key);
  const onlyPlain = plain.length === 0
    ? sql`'{}'::jsonb`
    : sql`(select coalesce(jsonb_object_agg(e.key, e.value), '{}'::jsonb) from jsonb_each(${column}) e where e.key = any(${plain}::text[]))`;
  // rebuilding the object key by key costs several times more than subtracting keys, so it is done only for
  // a row that holds a key without a live definition (rare: a deleted field until its job has run)
  const base = live.length === 0
    ? sql`'{}'::jsonb`
    : sql`(case when (${column} - ${live}::text[]) = '{}'::jsonb
        then ${removed.length > 0 ? sql`(${column} - ${removed}::text[])` : column} else ${onlyPlain} end)`;
  // each masked key is rebuilt from the original column and merged back: linear SQL, however many keys
  const parts = masked.map((def) => {
    const value = sql`(${column} -> ${def.key}::text)`;
    const shown = def.type === 'multi_select' ? maskedList(value, 'text') : sql`to_jsonb(relata_mask_text(${value} #>> '{}'))`;
    return sql`(case when ${column} ? ${def.key}::text then jsonb_build_object(${def.key}::text, ${shown}) else '{}'::jsonb end)`;
  });
  return parts.length === 0 ? base : sql`(${sql.join([base, ...parts], sql` || `)})`;
}

/** One key that may appear in audit `changes`, and how to show it. */
export type ChangeKey = { key: string; permissionKey: string; kind: MaskKind; shape: 'scalar' | 'list' };

/**
 * Audit `changes` ({ field: [old, new] }) as the role may see them: hidden fields dropped, masked ones
 * masked (old and new). Done in SQL so history is not a side door around field permissions.
 * Custom fields appear as `attributes.<key>`.
 */
export function readableChanges(
  principal: Principal,
  object: string,
  standard: readonly ChangeKey[],
  definitions: readonly FieldDefinition[],
  column: RawBuilder<unknown>,
  context: ReadContext,
): RawBuilder<unknown> {
  const hidden: string[] = [];
  const masked: ChangeKey[] = [];
  for (const k of standard) {
    if (isHidden(principal, object, k.permissionKey)) hidden.push(k.key);
    else if (isMasked(principal, object, k.permissionKey, context)) masked.push(k);
  }
  for (const def of definitions) {
    const access = attributeAccess(principal, object, def);
    const key = `attributes.${def.key}`;
    if (access.hidden) hidden.push(key);
    else if (applies(access.mask, context)) masked.push({ key, permissionKey: key, kind: 'text', shape: def.type === 'multi_select' ? 'list' : 'scalar' });
  }
  const removed = [...hidden, ...masked.map((k) => k.key)];
  const base = removed.length > 0 ? sql`(${column} - ${removed}::text[])` : column;
  const parts = masked.map((k) => {
    const side = (i: number) => {
      const v = sql`(${column} -> ${k.key}::text -> ${i}::int)`;
      return k.shape === 'list' ? maskedList(v, k.kind) : sql`to_jsonb(${maskSql(k.kind, sql`(${v} #>> '{}')`)})`;
    };
    return sql`(case when ${column} ? ${k.key}::text
      then jsonb_build_object(${k.key}::text, jsonb_build_array(${side(0)}, ${side(1)})) else '{}'::jsonb end)`;
  });
  return parts.length === 0 ? base : sql`(${sql.join([base, ...parts], sql` || `)})`;
}

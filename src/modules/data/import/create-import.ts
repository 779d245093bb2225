import { sql } from 'kysely';
import type { Db, Tx } from '../../../platform/db/database.ts';
import { can, type Principal } from '../../../platform/http/access.ts';
import { AppError } from '../../../platform/http/errors.ts';
import { createFieldDefinition, loadFieldDefinitions, type FieldDefinition } from '../../customers/index.ts';
import { IMPORT_MODES, type ImportMode } from './import-context.ts';
import { customFieldKeyFor, IMPORT_TARGETS, suggestMapping, type ImportObject } from './mapping/index.ts';
import { previewSource } from './source/index.ts';
import { inferFieldType } from './values/index.ts';
import { assertMappingWritable, targetAccess } from './writable-mapping.ts';

export type ImportRequest = {
  object: ImportObject;
  /** the file on the server (an upload, or a path the CLI was given) */
  path: string;
  fileName: string;
  uploadId?: string | null;
  /** header → target key (`attributes.<key>` for a custom field) or null to skip; default: the suggested mapping */
  mapping?: Record<string, string | null>;
  mode?: ImportMode;
  match?: string | null;
  createCustomFields?: boolean;
  identifierFields?: string[];
  allOrNothing?: boolean;
  createMissingContacts?: boolean;
};

const MATCH_KEYS: Record<ImportObject, readonly string[]> = {
  contacts: ['external_id', 'email', 'phone'],
  companies: ['external_id', 'domain', 'name'],
  orders: ['external_id', 'number'],
  products: ['external_id', 'sku'],
};
const INFER_SAMPLE = 1_000;
/** A mapping target asking for a new custom field made from the column (name from the header, type inferred). */
export const NEW_CUSTOM_FIELD = '+custom';

function customFieldObject(object: ImportObject): 'contacts' | 'companies' | null {
  return object === 'contacts' || object === 'companies' ? object : null;
}

/**
 * Checks an import request before any row is read — permission, mapping (no column may feed a field the
 * role may not write), match key, mode — creates the custom fields it asks for, and records the batch.
 * Mistakes are 4xx now, not a failed job later.
 */
export async function createImport(db: Db, principal: Principal, request: ImportRequest): Promise<{ batchId: string; mapping: Record<string, string | null> }> {
  if (!can(principal, request.object, 'import')) throw new AppError('PERMISSION_DENIED', `You may not import ${request.object}`);
  const preview = await previewSource(request.path, { limit: INFER_SAMPLE });
  const fieldObject = customFieldObject(request.object);
  let definitions: FieldDefinition[] = fieldObject ? await loadFieldDefinitions(db, principal.workspaceId, fieldObject) : [];
  const writable = (target: string) => targetAccess(principal, request.object, target) === 'editable';
  const suggested = suggestMapping(request.object, preview.headers, definitions, writable);
  const mapping: Record<string, string | null> = {};
  for (const s of suggested) mapping[s.header] = request.mapping ? null : s.target;
  // without a mapping, a column naming a field the role may not write is skipped, never made a custom field of
  const withheld = new Set(request.mapping ? [] : suggested.filter((s) => s.unavailable !== undefined).map((s) => s.header));
  if (request.mapping) {
    for (const [header, target] of Object.entries(request.mapping)) {
      if (!preview.headers.includes(header)) throw new AppError('IMPORT_MAPPING_INVALID', `The file has no column "${header}"`, { header });
      mapping[header] = target;
    }
  }
  const writeOptions = { createMissingContacts: request.createMissingContacts ?? false };
  assertMappingWritable(principal, request.object, withoutNewFields(mapping), writeOptions);
  // recorded in the batch by id: its undo removes them (remove-created-fields.ts), never a later field of the same key
  const createdFields: { id: string; key: string }[] = [];
  if (request.createCustomFields || Object.values(mapping).includes(NEW_CUSTOM_FIELD)) {
    if (!fieldObject) throw new AppError('IMPORT_MAPPING_INVALID', `${request.object} have no custom fields`, { option: 'create_custom_fields' });
    if (!can(principal, 'settings', 'edit')) throw new AppError('PERMISSION_DENIED', 'Only administrators may create custom fields');
    const taken = new Set(definitions.map((d) => d.key));
    const planned: { header: string; index: number; key: string }[] = [];
    for (const [index, header] of preview.headers.entries()) {
      // with an explicit mapping, a column mapped to null is skipped on purpose: only absent columns and
      // columns mapped to NEW_CUSTOM_FIELD become custom fields
      const explicit = request.mapping?.[header];
      if (explicit === null || withheld.has(header) || (mapping[header] !== null && mapping[header] !== undefined && mapping[header] !== NEW_CUSTOM_FIELD)) continue;
      const key = customFieldKeyFor(header);
      mapping[header] = `attributes.${key}`;
      if (!taken.has(key)) planned.push({ header, index, key });
      taken.add(key);
    }
    // a rule may name a custom field before it exists: refused before any field is created
    assertMappingWritable(principal, request.object, mapping, writeOptions);
    for (const { header, index, key } of planned) {
      const inferred = inferFieldType(preview.rows.map((r) => r.cells[index] ?? ''));
      const created = await createFieldDefinition(db, principal, {
        object: fieldObject, key, label: header, label_zh: /[\u3400-\u9fff]/.test(header) ? header : null, type: inferred.type,
        options: inferred.options?.map((o) => ({ value: o, label: o })),
        is_identifier: request.identifierFields?.includes(key) ?? false,
      });
      createdFields.push({ id: created.id, key });
    }
    definitions = await loadFieldDefinitions(db, principal.workspaceId, fieldObject);
  }
  checkMapping(request.object, mapping, definitions);
  if (request.identifierFields?.length) {
    if (!fieldObject) throw new AppError('IMPORT_MAPPING_INVALID', `${request.object} have no custom fields`, { option: 'identifier_fields' });
    await markIdentifiers(db, principal.workspaceId, fieldObject, request.identifierFields, definitions);
  }
  const targets = new Set(Object.values(mapping).filter((t): t is string => t !== null));
  const match = request.match ?? MATCH_KEYS[request.object].find((k) => targets.has(k)) ?? null;
  // upsert when the file carries a natural key, else every row is new
  const mode: ImportMode = request.mode ?? (match !== null ? 'upsert' : 'create');
  if (!IMPORT_MODES.includes(mode)) throw new AppError('VALIDATION_FAILED', `Unknown mode "${String(mode)}"`, { field: 'mode' });
  if (match !== null && !MATCH_KEYS[request.object].includes(match)) {
    throw new AppError('IMPORT_MATCH_KEY_MISSING', `${request.object} are matched by ${MATCH_KEYS[request.object].join(', ')}, not "${match}"`, { match });
  }
  if (match !== null && !targets.has(match)) throw new AppError('IMPORT_MATCH_KEY_MISSING', `No column is mapped to the match key "${match}"`, { match });
  if (match === null && mode !== 'create') {
    throw new AppError('IMPORT_MATCH_KEY_MISSING', `To update, map a column to one of ${MATCH_KEYS[request.object].join(', ')}`, { mode });
  }
  const options = {
    headers: preview.headers, mapping, all_or_nothing: request.allOrNothing ?? false, create_missing_contacts: request.createMissingContacts ?? false,
    created_fields: createdFields.map((f) => f.key), created_field_ids: createdFields.map((f) => f.id),
  };
  const { rows } = await sql<{ id: string }>`
    insert into import_batches (workspace_id, object_type, upload_id, file_name, path, format, encoding, mode, match_key, options, created_by)
    values (${principal.workspaceId}, ${request.object}, ${request.uploadId ?? null}, ${request.fileName}, ${request.path}, ${preview.format},
            ${preview.encoding}, ${mode}, ${match}, ${JSON.stringify(options)}::jsonb, ${principal.userId})
    returning id::text`.execute(db);
  return { batchId: rows[0]!.id, mapping };
}

/** The mapping without the columns still waiting to become custom fields (checked once they have a key). */
function withoutNewFields(mapping: Record<string, string | null>): Record<string, string | null> {
  return Object.fromEntries(Object.entries(mapping).map(([header, target]) => [header, target === NEW_CUSTOM_FIELD ? null : target]));
}

/** Every target exists for the object, and no two columns feed the same one. */
export function checkMapping(object: ImportObject, mapping: Record<string, string | null>, definitions: readonly FieldDefinition[]): void {
  const standard = new Set(IMPORT_TARGETS[object].map((t) => t.key));
  const custom = new Set(definitions.map((d) => `attributes.${d.key}`));
  const seen = new Map<string, string>();
  for (const [header, target] of Object.entries(mapping)) {
    if (target === null) continue;
    if (target.startsWith('attributes.')) {
      if (!custom.has(target)) throw new AppError('FIELD_UNKNOWN', `There is no custom field "${target.slice(11)}"`, { header, target });
    } else if (!standard.has(target)) {
      throw new AppError('IMPORT_MAPPING_INVALID', `"${target}" is not a field of ${object}`, { header, target });
    }
    const other = seen.get(target);
    if (other !== undefined) throw new AppError('IMPORT_MAPPING_INVALID', `The columns "${other}" and "${header}" are both mapped to ${target}`, { target, headers: [other, header] });
    seen.set(target, header);
  }
  if (seen.size === 0) throw new AppError('IMPORT_MAPPING_INVALID', 'No column is mapped to a field');
}

async function markIdentifiers(db: Db | Tx, workspaceId: string, object: string, keys: readonly string[], definitions: readonly FieldDefinition[]): Promise<void> {
  for (const key of keys) {
    if (!definitions.some((d) => d.key === key)) throw new AppError('FIELD_UNKNOWN', `There is no custom field "${key}" to flag as an identifier`, { field: key });
  }
  await sql`update field_definitions set is_identifier = true, updated_at = now()
            where workspace_id = ${workspaceId} and object_type = ${object} and key = any(${[...keys]}::text[]) and not is_identifier`.execute(db);
}

import { sql } from 'kysely';
import { Type, type Static } from 'typebox';
import { prepared, type Db, type Tx } from '../../../platform/db/database.ts';
import type { Principal } from '../../../platform/http/access.ts';

/** Record types that carry custom fields. Later record types add themselves here. */
export const CUSTOM_FIELD_OBJECTS = ['contacts', 'companies'] as const;
export type CustomFieldObject = (typeof CUSTOM_FIELD_OBJECTS)[number];

export const FIELD_TYPES = ['text', 'long_text', 'number', 'money', 'date', 'boolean', 'select', 'multi_select'] as const;
export type FieldType = (typeof FIELD_TYPES)[number];

export const OptionSchema = Type.Object({ value: Type.String({ minLength: 1, maxLength: 100 }), label: Type.String({ minLength: 1, maxLength: 200 }) }, { additionalProperties: false });

export const FieldDefinitionSchema = Type.Object({
  id: Type.String(),
  object: Type.String(),
  key: Type.String(),
  label: Type.String(),
  label_zh: Type.Union([Type.String(), Type.Null()]),
  type: Type.Enum(FIELD_TYPES),
  options: Type.Array(Type.Object({ value: Type.String(), label: Type.String() })),
  required: Type.Boolean(),
  unique: Type.Boolean(),
  sensitive: Type.Boolean(),
  is_identifier: Type.Boolean(),
  position: Type.Number(),
  created_at: Type.String(),
  updated_at: Type.String(),
});
export type FieldDefinition = Static<typeof FieldDefinitionSchema>;

export const DEFINITION_COLUMNS = sql`d.id::text, d.object_type as object, d.key, d.label, d.label_zh, d.type, d.options, d.required,
  d.is_unique as unique, d.sensitive, d.is_identifier, d.position, to_json(d.created_at)#>>'{}' as created_at, to_json(d.updated_at)#>>'{}' as updated_at`;

/**
 * The live custom fields of one object in a workspace, in display order. Small: loaded once per request that
 * needs it. A retired definition (deleted, its values still being stripped by a job: delete-field-definition.ts)
 * is not among them, so lists, filters, forms, validation and reads stop using it as soon as it is deleted.
 */
export async function loadFieldDefinitions(db: Db | Tx, workspaceId: string, object: string): Promise<FieldDefinition[]> {
  const { rows } = await prepared(sql<FieldDefinition>`
    select ${DEFINITION_COLUMNS} from field_definitions d
    where d.workspace_id = ${workspaceId} and d.object_type = ${object} and d.retired_at is null
    order by d.position, d.id`).execute(db);
  return rows;
}

/**
 * The definitions as a read path sees them: reused for as long as the workspace's fields_version (read
 * while authenticating, migration 0150) stays the one they were loaded at; a principal without a version
 * (a job, the CLI) loads them. Not for a transaction that changes definitions: it must load its own.
 */
export async function fieldDefinitionsFor(db: Db | Tx, principal: Principal, object: string): Promise<readonly FieldDefinition[]> {
  if (principal.fieldsVersion === undefined) return loadFieldDefinitions(db, principal.workspaceId, object);
  const key = `${principal.workspaceId}:${object}`;
  const cached = definitionCache.get(key);
  if (cached?.version === principal.fieldsVersion) return cached.definitions;
  const definitions = Object.freeze(await loadFieldDefinitions(db, principal.workspaceId, object));
  if (definitionCache.size >= DEFINITION_CACHE_SIZE) definitionCache.clear();
  definitionCache.set(key, { version: principal.fieldsVersion, definitions });
  return definitions;
}

const DEFINITION_CACHE_SIZE = 10_000;
const definitionCache = new Map<string, { version: string; definitions: readonly FieldDefinition[] }>();

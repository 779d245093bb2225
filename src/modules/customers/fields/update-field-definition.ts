import { sql } from 'kysely';
import type { Db } from '../../../platform/db/database.ts';
import type { Principal } from '../../../platform/http/access.ts';
import { AppError, notFound } from '../../../platform/http/errors.ts';
import { diffFields, recordAudit } from '../../../platform/audit/audit.ts';
import { DEFINITION_COLUMNS, type FieldDefinition } from './field-definitions.ts';
import { checkOptions } from './create-field-definition.ts';

export type FieldDefinitionPatch = {
  label?: string;
  label_zh?: string | null;
  options?: { value: string; label: string }[];
  required?: boolean;
  unique?: boolean;
  sensitive?: boolean;
  is_identifier?: boolean;
  position?: number;
};

const TABLES = { contacts: sql.table('contacts'), companies: sql.table('companies') } as const;
const AUDITED = ['label', 'label_zh', 'options', 'required', 'unique', 'sensitive', 'is_identifier', 'position'] as const;

/** Key and type never change: stored values were validated against them, and saved filters name the key. */
export async function updateFieldDefinition(db: Db, principal: Principal, id: string, patch: FieldDefinitionPatch): Promise<FieldDefinition> {
  return db.transaction().execute(async (tx) => {
    const { rows } = await sql<FieldDefinition>`
      select ${DEFINITION_COLUMNS} from field_definitions d
      where d.workspace_id = ${principal.workspaceId} and d.id = ${id} and d.retired_at is null
      for update`.execute(tx);
    const before = rows[0];
    if (!before) throw notFound('Custom field');
    const options = patch.options === undefined ? before.options : checkOptions(before.type, patch.options);
    const label = patch.label === undefined ? before.label : patch.label.normalize('NFC').trim();
    if (label === '') throw new AppError('FIELD_REQUIRED', 'A custom field needs a label', { field: 'label' });
    if (patch.unique === true && !before.unique && before.object in TABLES) {
      // turning uniqueness on over existing duplicates would leave the rule broken from day one
      const table = TABLES[before.object as keyof typeof TABLES];
      const dup = await sql<{ n: number }>`
        select 1 as n from ${table} where workspace_id = ${principal.workspaceId} and deleted_at is null and attributes ? ${before.key}
        group by attributes -> ${before.key}::text having count(*) > 1 limit 1`.execute(tx);
      if (dup.rows[0]) throw new AppError('FIELD_VALUE_NOT_UNIQUE', `Existing records share values of "${before.label}"`, { field: `attributes.${before.key}` });
    }
    const { rows: updated } = await sql<FieldDefinition>`
      update field_definitions as d set
        label = ${label},
        label_zh = ${patch.label_zh === undefined ? before.label_zh : patch.label_zh?.normalize('NFC').trim() || null},
        options = ${JSON.stringify(options)}::jsonb,
        required = ${patch.required ?? before.required},
        is_unique = ${patch.unique ?? before.unique},
        sensitive = ${patch.sensitive ?? before.sensitive},
        is_identifier = ${patch.is_identifier ?? before.is_identifier},
        position = ${patch.position ?? before.position},
        updated_at = now()
      where d.workspace_id = ${principal.workspaceId} and d.id = ${id}
      returning ${DEFINITION_COLUMNS}`.execute(tx);
    const after = updated[0]!;
    const changes = diffFields(before, after, AUDITED);
    if (Object.keys(changes).length > 0) {
      await recordAudit(tx, { workspaceId: principal.workspaceId, objectType: 'field_definitions', recordId: id, actorId: principal.userId, action: 'update', changes });
    }
    return after;
  });
}

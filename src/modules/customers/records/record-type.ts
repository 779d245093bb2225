import type { RawBuilder } from 'kysely';
import type { Principal } from '../../../platform/http/access.ts';
import type { FieldDefinition } from '../fields/field-definitions.ts';
import type { FieldRegistry } from '../filter/field-registry.ts';
import type { SortRegistry } from '../filter/sort.ts';
import type { ChangeKey } from './readable-fields.ts';

/**
 * What the shared record mechanisms (trash, restore, bulk, history, collaborators) need to know about a
 * record type. Each record type declares one next to its own code; the mechanisms never name a type.
 * Every table here has workspace_id, id, version, owner_id, tags, attributes, updated_at and deleted_at.
 */
export type RecordType = {
  /** the permission object, also the audit `object_type` and the collaborators `object_type` */
  object: 'contacts' | 'companies';
  /** `sql.table(...)` of the record table */
  table: RawBuilder<unknown>;
  /** the column shown as the record's title in trash and warnings */
  title: 'display_name' | 'name';
  /** singular noun for messages */
  noun: string;
  filterRegistry: (principal: Principal, definitions: readonly FieldDefinition[], alias: string) => FieldRegistry;
  changeKeys: readonly ChangeKey[];
  sorts: SortRegistry;
};

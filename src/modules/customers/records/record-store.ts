import { sql, type RawBuilder } from 'kysely';
import type { Tx } from '../../../platform/db/database.ts';
import type { Principal } from '../../../platform/http/access.ts';
import { notFound } from '../../../platform/http/errors.ts';
import { diffFields, recordAudit, type FieldChanges } from '../../../platform/audit/audit.ts';
import { visibilityFor } from '../../accounts/index.ts';
import { checkAttributeWrites } from '../fields/check-attribute-writes.ts';
import { loadFieldDefinitions, type FieldDefinition } from '../fields/field-definitions.ts';
import type { AttributeValue } from '../fields/validate-attributes.ts';
import { workspaceRegion } from '../normalize/workspace-region.ts';
import { CONTACT_AUDITED, CONTACT_RECORD } from '../contacts/contact-fields.ts';
import type { ContactInput, ContactJson } from '../contacts/contact-schemas.ts';
import { checkReferences, contactColumns, loadContactValues, selectContact } from '../contacts/contact-store.ts';
import { prepareContact, type ContactValues } from '../contacts/prepare-contact.ts';
import { COMPANY_AUDITED, COMPANY_RECORD } from '../companies/company-fields.ts';
import type { CompanyInput, CompanyJson } from '../companies/company-schemas.ts';
import { checkOwner, companyColumns, loadCompanyValues, selectCompany } from '../companies/company-store.ts';
import { prepareCompany, type CompanyValues } from '../companies/prepare-company.ts';
import { auditedFields, auditSnapshot } from './audit-snapshot.ts';
import { rethrowUnique } from './external-id-conflict.ts';
import { lockForWrite } from './record-access.ts';
import type { RecordType } from './record-type.ts';

/** A record's stored (unmasked) values as a plain object: the shape loadContactValues / loadCompanyValues return. */
export type StoredValues = { [field: string]: unknown; attributes: Record<string, AttributeValue> };

/**
 * What another module (data: merge and undo-merge) may do to a contact or company inside its own
 * transaction — every write goes through the record's own normaliser, reference and uniqueness checks,
 * search columns, version bump and audit row, exactly like PATCH.
 */
export type RecordStore = {
  object: 'contacts' | 'companies';
  noun: string;
  title: (values: StoredValues) => string;
  /** Locks a live record for writing: 404 when invisible / another workspace, 403 read-only share, 409 stale version. */
  lock: (tx: Tx, principal: Principal, id: string, version?: number) => Promise<void>;
  load: (tx: Tx, workspaceId: string, id: string) => Promise<StoredValues>;
  /** Reference fields of `values` whose target is gone (inactive owner, deleted company): a merge treats them as empty. */
  danglingReferences: (tx: Tx, workspaceId: string, values: StoredValues) => Promise<string[]>;
  /** Applies a PATCH-shaped body (lists whole, attributes per key, null removes) and audits it as `action` with `extra`. */
  patch: (tx: Tx, principal: Principal, id: string, patch: Record<string, unknown>, audit: { action: string; extra?: FieldChanges }) => Promise<FieldChanges>;
  /** Soft-deletes a record as merged into `survivorId` (not in the trash, not restorable from it). */
  retire: (tx: Tx, principal: Principal, id: string, survivorId: string) => Promise<void>;
  /** Locks a record retired into `survivorId`, if the caller may write it; false when it is not (or no longer) that. */
  lockRetired: (tx: Tx, principal: Principal, id: string, survivorId: string) => Promise<boolean>;
  /** Brings a retired record back (undo of its merge). */
  revive: (tx: Tx, principal: Principal, id: string) => Promise<void>;
  /** The record as GET /<object>/:id returns it to this caller (masking included), right after a write. */
  select: (tx: Tx, principal: Principal, id: string) => Promise<ContactJson | CompanyJson>;
};

/** Attribute keys without a definition (a field deleted since) stay where they are instead of failing the write. */
function knownAttributes(patch: Record<string, unknown>, definitions: readonly FieldDefinition[]): Record<string, unknown> {
  if (patch.attributes === undefined || patch.attributes === null || typeof patch.attributes !== 'object') return patch;
  const known = new Set(definitions.map((d) => d.key));
  const attributes = Object.fromEntries(Object.entries(patch.attributes).filter(([key]) => known.has(key)));
  return { ...patch, attributes };
}

type Columns = { names: RawBuilder<unknown>[]; values: RawBuilder<unknown>[] };

async function writeColumns(tx: Tx, type: RecordType, workspaceId: string, id: string, cols: Columns): Promise<void> {
  const assignments = cols.names.map((name, i) => sql`${name} = ${cols.values[i]!}`);
  await sql`update ${type.table} set ${sql.join(assignments)}, version = version + 1, updated_at = now()
            where workspace_id = ${workspaceId} and id = ${id}`.execute(tx).catch(rethrowUnique);
}

function lifecycle(type: RecordType): Pick<RecordStore, 'retire' | 'lockRetired' | 'revive'> {
  return {
    retire: async (tx, principal, id, survivorId) => {
      const { rows } = await sql<{ deleted_at: string }>`
        update ${type.table} set deleted_at = now(), merged_into_id = ${survivorId}, version = version + 1, updated_at = now()
        where workspace_id = ${principal.workspaceId} and id = ${id} and deleted_at is null
        returning to_json(deleted_at)#>>'{}' as deleted_at`.execute(tx);
      if (!rows[0]) throw notFound(type.noun);
      await recordAudit(tx, {
        workspaceId: principal.workspaceId, objectType: type.object, recordId: id, actorId: principal.userId, action: 'merge',
        changes: { deleted_at: [null, rows[0].deleted_at], merged_into_id: [null, survivorId] },
      });
    },
    lockRetired: async (tx, principal, id, survivorId) => {
      const writable = await visibilityFor(tx, principal, type.object, 'r', 'write');
      const { rows } = await sql<{ one: number }>`
        select 1 as one from ${type.table} r
        where r.workspace_id = ${principal.workspaceId} and r.id = ${id} and r.deleted_at is not null and r.merged_into_id = ${survivorId}
          and ${writable}
        for update of r`.execute(tx);
      return rows.length > 0;
    },
    revive: async (tx, principal, id) => {
      const { rows } = await sql<{ deleted_at: string; merged_into_id: string }>`
        update ${type.table} r set deleted_at = null, merged_into_id = null, version = r.version + 1, updated_at = now()
        from (select id, deleted_at, merged_into_id from ${type.table}
              where workspace_id = ${principal.workspaceId} and id = ${id} and merged_into_id is not null) old
        where r.workspace_id = ${principal.workspaceId} and r.id = old.id
        returning to_json(old.deleted_at)#>>'{}' as deleted_at, old.merged_into_id::text as merged_into_id`.execute(tx);
      if (!rows[0]) throw notFound(type.noun);
      await recordAudit(tx, {
        workspaceId: principal.workspaceId, objectType: type.object, recordId: id, actorId: principal.userId, action: 'unmerge',
        changes: { deleted_at: [rows[0].deleted_at, null], merged_into_id: [rows[0].merged_into_id, null] },
      });
    },
  };
}

const contactStore: RecordStore = {
  object: 'contacts',
  noun: CONTACT_RECORD.noun,
  title: (values) => String(values.display_name ?? ''),
  lock: async (tx, principal, id, version) => {
    await lockForWrite(tx, principal, CONTACT_RECORD, id, version);
  },
  load: (tx, workspaceId, id) => loadContactValues(tx, workspaceId, id),
  danglingReferences: async (tx, workspaceId, values) => {
    const { rows } = await sql<{ owner_ok: boolean; company_ok: boolean }>`
      select ${values.owner_id ?? null}::bigint is null
               or exists (select 1 from users where workspace_id = ${workspaceId} and id = ${values.owner_id ?? null}::bigint and active) as owner_ok,
             ${values.company_id ?? null}::bigint is null
               or exists (select 1 from companies where workspace_id = ${workspaceId} and id = ${values.company_id ?? null}::bigint and deleted_at is null) as company_ok`.execute(tx);
    const row = rows[0]!;
    return [...(row.owner_ok ? [] : ['owner_id']), ...(row.company_ok ? [] : ['company_id'])];
  },
  patch: async (tx, principal, id, patch, audit) => {
    const ws = principal.workspaceId;
    const [definitions, region] = await Promise.all([loadFieldDefinitions(tx, ws, 'contacts'), workspaceRegion(tx, ws)]);
    const current = await loadContactValues(tx, ws, id);
    // the body is built from stored values of records of this type, so it has ContactInput's shape; prepareContact re-checks every value
    const input = knownAttributes(patch, definitions) as ContactInput;
    const { values, attributeChanges } = prepareContact(current, input, { region, definitions });
    // only references this write changes are checked: a survivor whose owner has left can still absorb a duplicate
    const changedRefs: ContactValues = {
      ...values,
      owner_id: values.owner_id === current.owner_id ? null : values.owner_id,
      company_id: values.company_id === current.company_id ? null : values.company_id,
    };
    await checkReferences(tx, ws, changedRefs);
    await checkAttributeWrites(tx, ws, 'contacts', id, attributeChanges, definitions);
    const changes = diffFields(auditSnapshot(current), auditSnapshot(values), auditedFields(CONTACT_AUDITED, current.attributes, values.attributes));
    await writeColumns(tx, CONTACT_RECORD, ws, id, contactColumns(values));
    await recordAudit(tx, { workspaceId: ws, objectType: 'contacts', recordId: id, actorId: principal.userId, action: audit.action, changes: { ...changes, ...audit.extra } });
    return changes;
  },
  ...lifecycle(CONTACT_RECORD),
  select: async (tx, principal, id) => {
    const definitions = await loadFieldDefinitions(tx, principal.workspaceId, 'contacts');
    const json = await selectContact(tx, principal, definitions, id, 'detail', sql<boolean>`true`);
    if (!json) throw notFound('Contact');
    return json;
  },
};

const companyStore: RecordStore = {
  object: 'companies',
  noun: COMPANY_RECORD.noun,
  title: (values) => String(values.name ?? ''),
  lock: async (tx, principal, id, version) => {
    await lockForWrite(tx, principal, COMPANY_RECORD, id, version);
  },
  load: (tx, workspaceId, id) => loadCompanyValues(tx, workspaceId, id),
  danglingReferences: async (tx, workspaceId, values) => {
    const { rows } = await sql<{ owner_ok: boolean }>`
      select ${values.owner_id ?? null}::bigint is null
               or exists (select 1 from users where workspace_id = ${workspaceId} and id = ${values.owner_id ?? null}::bigint and active) as owner_ok`.execute(tx);
    return rows[0]!.owner_ok ? [] : ['owner_id'];
  },
  patch: async (tx, principal, id, patch, audit) => {
    const ws = principal.workspaceId;
    const [definitions, region] = await Promise.all([loadFieldDefinitions(tx, ws, 'companies'), workspaceRegion(tx, ws)]);
    const current = await loadCompanyValues(tx, ws, id);
    const input = knownAttributes(patch, definitions) as CompanyInput;
    const { values, attributeChanges }: { values: CompanyValues; attributeChanges: Record<string, AttributeValue | null> } =
      prepareCompany(current, input, { region, definitions });
    if (values.owner_id !== current.owner_id) await checkOwner(tx, ws, values.owner_id);
    await checkAttributeWrites(tx, ws, 'companies', id, attributeChanges, definitions);
    const changes = diffFields(auditSnapshot(current), auditSnapshot(values), auditedFields(COMPANY_AUDITED, current.attributes, values.attributes));
    await writeColumns(tx, COMPANY_RECORD, ws, id, companyColumns(values));
    await recordAudit(tx, { workspaceId: ws, objectType: 'companies', recordId: id, actorId: principal.userId, action: audit.action, changes: { ...changes, ...audit.extra } });
    return changes;
  },
  ...lifecycle(COMPANY_RECORD),
  select: async (tx, principal, id) => {
    const definitions = await loadFieldDefinitions(tx, principal.workspaceId, 'companies');
    const json = await selectCompany(tx, principal, definitions, id, 'detail', sql<boolean>`true`);
    if (!json) throw notFound('Company');
    return json;
  },
};

export function recordStore(object: 'contacts' | 'companies'): RecordStore {
  return object === 'contacts' ? contactStore : companyStore;
}

import { sql } from 'kysely';
import type { Db } from '../../../platform/db/database.ts';
import { recordAudit } from '../../../platform/audit/audit.ts';
import { API_KEY_PREFIX, randomToken, sha256 } from '../auth/tokens.ts';

export type CreatedApiKey = { id: string; name: string; prefix: string; scopes: string[]; key: string; created_at: string };

/** The key is returned once; only its SHA-256 and a short prefix (for recognising it in lists) are stored. */
export async function createApiKey(
  db: Db,
  input: { workspaceId: string; userId: string; name: string; scopes: string[]; actorId: string | null },
): Promise<CreatedApiKey> {
  const key = API_KEY_PREFIX + randomToken(30);
  const prefix = key.slice(0, 10);
  return db.transaction().execute(async (tx) => {
    const { rows } = await sql<Omit<CreatedApiKey, 'key'>>`
      insert into api_keys (workspace_id, user_id, name, prefix, key_hash, scopes)
      values (${input.workspaceId}, ${input.userId}, ${input.name}, ${prefix}, ${sha256(key)}, ${input.scopes}::text[])
      returning id::text, name, prefix, scopes, to_json(created_at)#>>'{}' as created_at`.execute(tx);
    const row = rows[0]!;
    await recordAudit(tx, { workspaceId: input.workspaceId, objectType: 'api_key', recordId: row.id, actorId: input.actorId, action: 'create', changes: { name: [null, input.name] } });
    return { ...row, key };
  });
}

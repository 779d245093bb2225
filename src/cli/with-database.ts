import { loadPrincipal } from '../modules/accounts/index.ts';
import type { Db } from '../platform/db/database.ts';
import type { Principal } from '../platform/http/access.ts';
import { actingUser } from './acting-user.ts';
import { fail } from './output.ts';
import { openRelataDatabase } from './open-database.ts';

export type Acting = { as?: string; workspace?: string; json?: boolean };

/** A refusal keeps its stable code (PERMISSION_DENIED, IMPORT_MAPPING_INVALID …); anything else is CLI_ERROR. */
export function codeOf(error: unknown): string {
  const code = (error as { code?: unknown }).code;
  return typeof code === 'string' ? code : 'CLI_ERROR';
}

/** Opens the database, runs `work`, always closes it; a failure exits 1 with its message and code. */
export async function withDatabase(json: boolean, work: (db: Db, url: string) => Promise<void>): Promise<void> {
  const database = await openRelataDatabase();
  let failure: unknown;
  try {
    await work(database.db, database.url);
  } catch (error) {
    failure = error;
  } finally {
    await database.shutdown();
  }
  if (failure !== undefined) fail(failure instanceof Error ? failure.message : String(failure), codeOf(failure), json);
}

/** The principal of --as EMAIL (or the workspace's first administrator): its data scope and field permissions apply. */
export async function principalFor(db: Db, o: Acting): Promise<Principal> {
  const acting = await actingUser(db, o.as, o.workspace);
  const principal = await loadPrincipal(db, acting.workspaceId, acting.userId);
  if (!principal) throw new Error('the acting user is not active');
  return principal;
}

import { loadConfig, type Config } from '../platform/config/config.ts';
import { openDatabase, type Database } from '../platform/db/database.ts';
import { startEmbeddedPostgres } from '../platform/db/embedded.ts';
import { migrate } from '../platform/db/migrate.ts';

export type OpenedDatabase = Database & { url: string; embedded: boolean; config: Config; shutdown: () => Promise<void> };

/**
 * DATABASE_URL when set; otherwise the embedded PostgreSQL in RELATA_DATA_DIR — reused when
 * `relata serve` (or another command) is already running on it, never started twice.
 */
export async function openRelataDatabase(options: { migrate?: boolean; log?: (line: string) => void } = {}): Promise<OpenedDatabase> {
  const config = loadConfig();
  const log = options.log ?? (() => undefined);
  let url = config.databaseUrl;
  let stopEmbedded: () => Promise<void> = async () => undefined;
  let embedded = false;
  if (!url) {
    const handle = await startEmbeddedPostgres({ dataDir: config.dataDir });
    url = handle.url;
    stopEmbedded = handle.stop;
    embedded = true;
    log(handle.owned ? `embedded PostgreSQL started (data in ${config.dataDir})` : `reusing the embedded PostgreSQL already running on ${config.dataDir}`);
  }
  try {
    if (options.migrate !== false) {
      const applied = await migrate(url);
      if (applied.length) log(`applied ${applied.length} migration(s)`);
    }
  } catch (error) {
    await stopEmbedded();
    throw error;
  }
  const database = openDatabase(url);
  return {
    ...database,
    url,
    embedded,
    config,
    shutdown: async () => {
      await database.close();
      await stopEmbedded();
    },
  };
}

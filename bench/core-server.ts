/**
 * The server under test, in its own process so that the load generator does not share its event loop.
 * Reads DATABASE_URL, listens on PORT on loopback, and prints one JSON line when ready.
 */
import { buildServer } from '../src/server.ts';
import { loadConfig } from '../src/platform/config/config.ts';
import { openDatabase } from '../src/platform/db/database.ts';

const config = loadConfig({ ...process.env, LOG_LEVEL: 'silent' });
if (!config.databaseUrl) throw new Error('DATABASE_URL is required');
const database = openDatabase(config.databaseUrl, { max: 20 });
const app = await buildServer({ db: database.db, config, serveWeb: false, principalCache: config.principalCache });
await app.listen({ port: config.port, host: '127.0.0.1' });
process.stdout.write(JSON.stringify({ ready: true, port: config.port }) + '\n');

const stop = async () => {
  await app.close();
  await database.close();
  process.exit(0);
};
process.on('SIGTERM', () => void stop());
process.on('SIGINT', () => void stop());

// Writes docs/openapi.json from the routes' TypeBox schemas; with --check, fails when the committed
// document differs (CI runs the check, so the document cannot drift from the code).
import fs from 'node:fs';
import path from 'node:path';
import { fileURLToPath } from 'node:url';
import { buildServer } from '../src/server.ts';
import { loadConfig } from '../src/platform/config/config.ts';
import { openDatabase } from '../src/platform/db/database.ts';

const root = path.resolve(path.dirname(fileURLToPath(import.meta.url)), '..');
const target = path.join(root, 'docs', 'openapi.json');

// The pool connects lazily; generating the document never touches a database.
const database = openDatabase('postgres://openapi@127.0.0.1:1/none');
const app = await buildServer({ db: database.db, config: loadConfig({ LOG_LEVEL: 'silent' }), serveWeb: false });
await app.ready();
const document = JSON.stringify(app.swagger(), null, 2) + '\n';
await app.close();

if (process.argv.includes('--check')) {
  const committed = fs.existsSync(target) ? fs.readFileSync(target, 'utf8') : '';
  if (committed !== document) {
    console.error('docs/openapi.json is out of date: run "npm run openapi" and commit the result');
    process.exit(1);
  }
  console.log('docs/openapi.json is up to date');
} else {
  fs.writeFileSync(target, document);
  console.log(`wrote ${path.relative(root, target)}`);
}

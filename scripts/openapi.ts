// Writes docs/openapi.json from the routes' TypeBox schemas, and the web client's types
// (web/src/platform/api-schema.d.ts) from that document; with --check, fails when either committed
// file differs (npm test runs the check, so neither can drift from the code).
import fs from 'node:fs';
import path from 'node:path';
import { fileURLToPath } from 'node:url';
import openapiTS, { astToString } from 'openapi-typescript';
import { buildServer } from '../src/server.ts';
import { loadConfig } from '../src/platform/config/config.ts';
import { openDatabase } from '../src/platform/db/database.ts';

const root = path.resolve(path.dirname(fileURLToPath(import.meta.url)), '..');
const target = path.join(root, 'docs', 'openapi.json');
const typesTarget = path.join(root, 'web', 'src', 'platform', 'api-schema.d.ts');

// The pool connects lazily; generating the document never touches a database.
const database = openDatabase('postgres://openapi@127.0.0.1:1/none');
const app = await buildServer({ db: database.db, config: loadConfig({ LOG_LEVEL: 'silent' }), serveWeb: false });
await app.ready();
const document = JSON.stringify(app.swagger(), null, 2) + '\n';
await app.close();
const types = '// Generated from docs/openapi.json by `npm run openapi`; do not edit.\n' + astToString(await openapiTS(JSON.parse(document) as Parameters<typeof openapiTS>[0]));

const outputs: [string, string][] = [[target, document], [typesTarget, types]];
if (process.argv.includes('--check')) {
  const stale = outputs.filter(([file, content]) => !fs.existsSync(file) || fs.readFileSync(file, 'utf8') !== content);
  if (stale.length) {
    console.error(`out of date: ${stale.map(([f]) => path.relative(root, f)).join(', ')} — run "npm run openapi" and commit the result`);
    process.exit(1);
  }
  console.log('docs/openapi.json and the web API types are up to date');
} else {
  for (const [file, content] of outputs) {
    fs.writeFileSync(file, content);
    console.log(`wrote ${path.relative(root, file)}`);
  }
}

#!/usr/bin/env node
// Relata targets Node.js 24 (it runs the TypeScript sources directly). When started by an older
// system Node, hand over to the Node 24 that `npm install` placed in node_modules/.bin.
import { spawn, spawnSync } from 'node:child_process';
import fs from 'node:fs';
import path from 'node:path';
import { fileURLToPath, pathToFileURL } from 'node:url';

const root = path.resolve(path.dirname(fileURLToPath(import.meta.url)), '..');
const major = Number(process.versions.node.split('.')[0]);
if (major < 24) {
  const local = path.join(root, 'node_modules', '.bin', 'node');
  if (!fs.existsSync(local)) {
    console.error(`Relata needs Node.js 24 or newer (this is ${process.versions.node}). Run "npm install" first.`);
    process.exit(1);
  }
  const result = spawnSync(local, [fileURLToPath(import.meta.url), ...process.argv.slice(2)], { stdio: 'inherit' });
  process.exit(result.status ?? 1);
}
// `serve` runs with the server's V8 flags (src/platform/http/server-runtime.ts). They size the heap, which
// V8 fixes when the process starts, so the launcher starts the server process with them and forwards the
// signals that stop it.
if (process.argv[2] === 'serve' && !process.env.RELATA_SERVER_FLAGS_SET) {
  const { SERVER_NODE_FLAGS } = await import(pathToFileURL(path.join(root, 'src', 'platform', 'http', 'server-runtime.ts')).href);
  const child = spawn(process.execPath, [...SERVER_NODE_FLAGS, fileURLToPath(import.meta.url), ...process.argv.slice(2)], {
    stdio: 'inherit',
    env: { ...process.env, RELATA_SERVER_FLAGS_SET: '1' },
  });
  for (const signal of ['SIGINT', 'SIGTERM', 'SIGHUP']) process.on(signal, () => child.kill(signal));
  child.on('exit', (code, signal) => process.exit(code ?? (signal ? 1 : 0)));
} else {
  await import(pathToFileURL(path.join(root, 'src', 'cli', 'main.ts')).href);
}

#!/usr/bin/env node
// Relata targets Node.js 24 (it runs the TypeScript sources directly). When started by an older
// system Node, hand over to the Node 24 that `npm install` placed in node_modules/.bin.
import { spawnSync } from 'node:child_process';
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
await import(pathToFileURL(path.join(root, 'src', 'cli', 'main.ts')).href);

import { Command } from 'commander';
import { registerApiKey } from './apikey.ts';
import { registerDedupe } from './dedupe.ts';
import { registerExport } from './export.ts';
import { registerImport } from './import.ts';
import { registerMigrate } from './migrate.ts';
import { registerSeed } from './seed.ts';
import { registerServe } from './serve.ts';
import { registerUser } from './user.ts';

const program = new Command();
program.name('relata').description('Relata — an open-source CRM').showHelpAfterError();
registerServe(program);
registerMigrate(program);
registerSeed(program);
registerUser(program);
registerApiKey(program);
registerExport(program);
registerImport(program);
registerDedupe(program);

try {
  await program.parseAsync(process.argv);
} catch (error) {
  const json = process.argv.includes('--json');
  const message = error instanceof Error ? error.message : String(error);
  if (json) process.stdout.write(JSON.stringify({ error: { code: 'CLI_ERROR', message } }) + '\n');
  else process.stderr.write(`error: ${message}\n`);
  process.exit(1);
}

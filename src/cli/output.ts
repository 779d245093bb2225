/** Every command prints human text, or one JSON document with --json (for scripts). */
export function emit(json: boolean, data: unknown, human: string): void {
  if (json) process.stdout.write(JSON.stringify(data) + '\n');
  else process.stdout.write(human + '\n');
}

export function fail(message: string, code = 'CLI_ERROR', json = false): never {
  if (json) process.stdout.write(JSON.stringify({ error: { code, message } }) + '\n');
  else process.stderr.write(`error: ${message}\n`);
  process.exit(1);
}

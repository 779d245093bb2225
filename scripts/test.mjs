// The whole suite, as `npm test` runs it: static checks, unit + integration tests (vitest, real
// PostgreSQL), the web build and browser tests (Playwright on Debian's Chromium). It ends with one
// line counting every test that ran: `Tests: N passed, M failed`.
import { spawnSync } from 'node:child_process';
import fs from 'node:fs';
import path from 'node:path';
import { fileURLToPath } from 'node:url';

const root = path.resolve(path.dirname(fileURLToPath(import.meta.url)), '..');
const results = path.join(root, 'test-results');
fs.mkdirSync(results, { recursive: true });

let passed = 0;
let failed = 0;
const failures = [];

function run(name, command, args, env = {}) {
  console.log(`\n▶ ${name}`);
  const started = Date.now();
  const r = spawnSync(command, args, { cwd: root, stdio: 'inherit', env: { ...process.env, ...env } });
  const ok = r.status === 0;
  console.log(`${ok ? '✔' : '✘'} ${name} (${((Date.now() - started) / 1000).toFixed(1)} s)`);
  if (!ok) failures.push(name);
  return ok;
}

/** A static check counts as one test. */
function check(name, command, args) {
  if (run(name, command, args)) passed++;
  else failed++;
}

function ensureChromium() {
  if (fs.existsSync('/usr/bin/chromium')) return true;
  if (process.getuid?.() !== 0) return false;
  console.log('installing Chromium and CJK fonts (apt-get)…');
  spawnSync('apt-get', ['update'], { stdio: 'inherit' });
  const r = spawnSync('apt-get', ['install', '-y', 'chromium', 'fonts-wqy-microhei'], { stdio: 'inherit', env: { ...process.env, DEBIAN_FRONTEND: 'noninteractive' } });
  return r.status === 0 && fs.existsSync('/usr/bin/chromium');
}

check('typecheck (server)', 'npx', ['tsc', '-p', 'tsconfig.json']);
check('typecheck (web)', 'npx', ['tsc', '-p', 'web/tsconfig.json']);
check('lint', 'npx', ['eslint', '--max-warnings=0', 'src', 'test', 'bench', 'scripts', 'web/src']);
check('module boundaries', 'npx', ['depcruise', 'src', 'web/src', '--config', '.dependency-cruiser.cjs']);
check('OpenAPI document up to date', 'node', ['scripts/openapi.ts', '--check']);

const vitestJson = path.join(results, 'vitest.json');
fs.rmSync(vitestJson, { force: true });
run('unit and integration tests (vitest)', 'npx', ['vitest', 'run', '--reporter=default', '--reporter=json', `--outputFile.json=${vitestJson}`]);
if (fs.existsSync(vitestJson)) {
  const report = JSON.parse(fs.readFileSync(vitestJson, 'utf8'));
  passed += report.numPassedTests;
  failed += report.numFailedTests;
  // a file that fails to load has no tests but must not pass silently
  failed += report.testResults.filter((f) => f.status === 'failed' && f.assertionResults.length === 0).length;
} else {
  failed++;
}

const webBuilt = run('web build', 'npx', ['vite', 'build', '--config', 'web/vite.config.ts', '--logLevel', 'warn']);
if (!webBuilt) failed++;
const playwrightJson = path.join(results, 'playwright.json');
fs.rmSync(playwrightJson, { force: true });
if (webBuilt && ensureChromium()) {
  run('browser tests (Playwright)', 'npx', ['playwright', 'test', '--reporter=list,json'], { PLAYWRIGHT_JSON_OUTPUT_NAME: playwrightJson });
  if (fs.existsSync(playwrightJson)) {
    const stats = JSON.parse(fs.readFileSync(playwrightJson, 'utf8')).stats;
    passed += stats.expected;
    // retries are off, so "flaky" should never appear; if it does, it counts as a failure
    failed += stats.unexpected + (stats.flaky ?? 0);
  } else {
    failed++;
  }
} else if (webBuilt) {
  failures.push('browser tests (Chromium missing)');
  failed++;
}

if (failures.length) console.log(`\nfailed steps: ${failures.join(', ')}`);
console.log(`Tests: ${passed} passed, ${failed} failed`);
process.exit(failed === 0 && failures.length === 0 ? 0 : 1);

import fs from 'node:fs';
import http from 'node:http';
import autocannon from 'autocannon';
import type pg from 'pg';

export type Percentiles = { p50: number; p95: number; p99: number; max: number };
export type ScenarioResult = (
  | { name: string; status: 'ok'; requests: number; errors: number; non2xx: number; throughput_rps: number; latency_ms: Percentiles; rate?: number; note?: string }
  | { name: string; status: 'skipped'; reason: string }
) & { load_avg_1m?: [number, number]; cpu_ms_per_request?: Record<string, number> };

export function percentiles(samples: number[]): Percentiles {
  const sorted = [...samples].sort((a, b) => a - b);
  const at = (p: number) => (sorted.length ? sorted[Math.min(sorted.length - 1, Math.ceil((p / 100) * sorted.length) - 1)]! : 0);
  const round = (v: number) => Math.round(v * 100) / 100;
  return { p50: round(at(50)), p95: round(at(95)), p99: round(at(99)), max: round(sorted.at(-1) ?? 0) };
}

export const WARM_UP_SECONDS = 2;

export type HttpScenario = {
  name: string;
  /** a path per request (random ids, rotating queries) */
  path: () => string;
  /**
   * Fixed overall request rate, open loop: request i is due at start + i/rate whatever earlier requests
   * do, and its latency counts from that due time (no coordinated omission). Omitted = closed loop,
   * as fast as `connections` allow (autocannon).
   */
  rate?: number;
  /** run a `rate` through autocannon's own per-second budget instead (for comparison with earlier runs) */
  autocannonRate?: boolean;
  connections: number;
  seconds: number;
  note?: string;
};

/**
 * Runs one scenario with autocannon against the server on loopback. Latencies are collected per response
 * (autocannon's own histogram reports p97.5, not p95). A path that answers 404 "Route … not found" on the
 * probe means the route has not landed yet: the scenario is reported as skipped, not failed.
 */
export async function runHttp(baseUrl: string, cookie: string, scenario: HttpScenario): Promise<ScenarioResult> {
  const probe = await fetch(baseUrl + scenario.path(), { headers: { cookie } });
  const probeBody = await probe.text();
  if (probe.status === 404 && probeBody.includes('Route GET')) return { name: scenario.name, status: 'skipped', reason: `route not registered yet (${probeBody.slice(0, 120)})` };
  if (probe.status !== 200) return { name: scenario.name, status: 'skipped', reason: `probe answered ${probe.status}: ${probeBody.slice(0, 200)}` };

  if (scenario.rate && !scenario.autocannonRate) {
    // warm-up, not measured: the server's pool connects and prepares its statements, V8 compiles the hot path
    await runHttpAtRate(baseUrl, cookie, { ...scenario, seconds: WARM_UP_SECONDS }, scenario.rate);
    return runHttpAtRate(baseUrl, cookie, scenario, scenario.rate);
  }
  const samples: number[] = [];
  let non2xx = 0;
  const result = await new Promise<autocannon.Result>((resolve, reject) => {
    const instance = autocannon({
      url: baseUrl,
      connections: scenario.connections,
      duration: scenario.seconds,
      ...(scenario.rate ? { overallRate: scenario.rate } : {}),
      headers: { cookie },
      requests: [{ method: 'GET', setupRequest: (req) => ({ ...req, path: scenario.path() }) }],
    }, (err: unknown, res: autocannon.Result) => (err ? reject(err instanceof Error ? err : new Error(String(err))) : resolve(res)));
    instance.on('response', (_client, statusCode, _bytes, responseTime) => {
      samples.push(responseTime);
      if (statusCode < 200 || statusCode >= 300) non2xx++;
    });
  });
  return {
    name: scenario.name,
    status: 'ok',
    requests: samples.length,
    errors: result.errors + result.timeouts,
    non2xx,
    throughput_rps: Math.round((samples.length / scenario.seconds) * 10) / 10,
    latency_ms: percentiles(samples),
    ...(scenario.rate ? { rate: scenario.rate } : {}),
    ...(scenario.note ? { note: scenario.note } : {}),
  };
}

/**
 * A fixed request rate, held the way wrk2 holds it: evenly spaced due times over keep-alive sockets
 * (up to `connections` of them; a request waits for a free one, and that wait counts). autocannon's
 * own rate limit sends each connection's share of a second back to back and then pauses, which is a
 * burst of `connections` concurrent requests every second rather than a rate.
 */
async function runHttpAtRate(baseUrl: string, cookie: string, scenario: HttpScenario, rate: number): Promise<ScenarioResult> {
  const agent = new http.Agent({ keepAlive: true, maxSockets: scenario.connections });
  const samples: number[] = [];
  let non2xx = 0;
  let errors = 0;
  const inflight: Promise<void>[] = [];
  const started = performance.now();
  const total = Math.round(rate * scenario.seconds);
  for (let i = 0; i < total; i++) {
    const due = started + (i * 1000) / rate;
    const wait = due - performance.now();
    if (wait > 0) await new Promise((r) => setTimeout(r, wait));
    inflight.push(new Promise<void>((resolve) => {
      const req = http.get(baseUrl + scenario.path(), { agent, headers: { cookie } }, (res) => {
        res.resume();
        res.on('end', () => {
          samples.push(performance.now() - due);
          if (res.statusCode! < 200 || res.statusCode! >= 300) non2xx++;
          resolve();
        });
      });
      req.on('error', () => {
        errors++;
        resolve();
      });
    }));
  }
  await Promise.all(inflight);
  const elapsed = (performance.now() - started) / 1000;
  agent.destroy();
  return {
    name: scenario.name,
    status: 'ok',
    requests: samples.length,
    errors,
    non2xx,
    throughput_rps: Math.round((samples.length / elapsed) * 10) / 10,
    latency_ms: percentiles(samples),
    rate,
    ...(scenario.note ? { note: scenario.note } : {}),
  };
}

/** The baseline: the same lookup as hand-written SQL through pg, at the same fixed rate. */
export async function runSqlAtRate(pool: pg.Pool, name: string, query: () => [string, unknown[]], rate: number, seconds: number, warmUp = true): Promise<ScenarioResult> {
  // warm-up, not measured, as for HTTP: the pool opens its connections (20+ ms each) before the clock runs
  if (warmUp) await runSqlAtRate(pool, name, query, rate, WARM_UP_SECONDS, false);
  const samples: number[] = [];
  const inflight: Promise<void>[] = [];
  const started = performance.now();
  const total = rate * seconds;
  for (let i = 0; i < total; i++) {
    const due = started + (i * 1000) / rate;
    const wait = due - performance.now();
    if (wait > 0) await new Promise((r) => setTimeout(r, wait));
    const [text, values] = query();
    inflight.push(pool.query(text, values).then(() => void samples.push(performance.now() - due)));
  }
  await Promise.all(inflight);
  return { name, status: 'ok', requests: samples.length, errors: 0, non2xx: 0, throughput_rps: Math.round((samples.length / seconds) * 10) / 10, latency_ms: percentiles(samples), rate };
}

const TICKS_PER_SECOND = 100; // USER_HZ on Linux

/** CPU time (user + system, ms) a process has used so far, from /proc; 0 where /proc is not there. */
function processCpuMs(pid: number): number {
  try {
    const stat = fs.readFileSync(`/proc/${pid}/stat`, 'utf8');
    const fields = stat.slice(stat.lastIndexOf(')') + 2).split(' ');
    // after "pid (comm) ": state is field 0, utime field 11, stime field 12
    return ((Number(fields[11]) + Number(fields[12])) * 1000) / TICKS_PER_SECOND;
  } catch {
    return 0;
  }
}

/** The postmaster and every process it started (backends, background workers). */
function postgresPids(postmasterPid: number): number[] {
  const pids = [postmasterPid];
  for (const entry of fs.readdirSync('/proc')) {
    if (!/^\d+$/.test(entry)) continue;
    try {
      const stat = fs.readFileSync(`/proc/${entry}/stat`, 'utf8');
      const ppid = Number(stat.slice(stat.lastIndexOf(')') + 2).split(' ')[1]);
      if (ppid === postmasterPid) pids.push(Number(entry));
    } catch {
      // the process ended while we looked
    }
  }
  return pids;
}

export type CpuSplit = { server: number; postgres: number; load_generator: number };

/**
 * CPU used by the server process, by PostgreSQL and by this (load-generating) process while `work`
 * runs. Unlike latency, CPU per request hardly moves when other work shares the machine.
 */
export async function measureCpu<T>(serverPid: number, postmasterPid: number, work: () => Promise<T>): Promise<{ result: T; cpu_ms: CpuSplit }> {
  const pgBefore = new Map(postgresPids(postmasterPid).map((p) => [p, processCpuMs(p)]));
  const serverBefore = processCpuMs(serverPid);
  const selfBefore = process.cpuUsage();
  const result = await work();
  const self = process.cpuUsage(selfBefore);
  let postgres = 0;
  for (const pid of postgresPids(postmasterPid)) postgres += processCpuMs(pid) - (pgBefore.get(pid) ?? 0);
  return { result, cpu_ms: { server: processCpuMs(serverPid) - serverBefore, postgres, load_generator: (self.user + self.system) / 1000 } };
}

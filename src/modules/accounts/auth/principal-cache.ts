import type pg from 'pg';
import type { Principal } from '../../../platform/http/access.ts';

/** The channel migration 0190's triggers notify on when users, roles, departments, workspaces, sessions or API keys change. */
export const PRINCIPALS_CHANNEL = 'relata_principals';
/** An entry's longest life, whatever happens: bounds staleness should notifications stop without the connection failing. */
const MAX_AGE_MS = 30_000;
const MAX_ENTRIES = 10_000;
const RECONNECT_MS = 1_000;

type Entry = { principal: Principal; expiresAt: number; generation: number };

/**
 * The principals this process authenticated, by token hash (ADR 18). Building one is an indexed join
 * plus the data-scope owner sets — about a third of the database work of a read by id — and it changes
 * only when an administrator changes users, roles, departments, the workspace, or a session or key
 * ends. Migration 0190's triggers notify on every such change, after commit, to every process; this
 * process listens on a connection of its own and drops every entry on each notification. While that
 * connection is down nothing is cached. A principal read before a change but stored after its
 * notification would be stale: each entry carries the generation it was read under, and one read under
 * an older generation is not stored. Entries also end with their session, and after MAX_AGE_MS.
 */
export class PrincipalCache {
  private readonly entries = new Map<string, Entry>();
  private generation = 0;
  private listening = false;
  private client: pg.PoolClient | null = null;
  private closed = false;
  private retry: NodeJS.Timeout | null = null;

  private readonly pool: pg.Pool;
  private readonly onError: (error: unknown) => void;

  constructor(pool: pg.Pool, onError: (error: unknown) => void = () => undefined) {
    this.pool = pool;
    this.onError = onError;
  }

  /** Connects the listener; resolves once notifications flow (or the first attempt failed: then it retries). */
  async start(): Promise<void> {
    await this.connect();
  }

  get active(): boolean {
    return this.listening;
  }

  /** The generation to pass to `set` for a principal read from now on. */
  current(): number {
    return this.generation;
  }

  get(key: string, now = Date.now()): Principal | undefined {
    const entry = this.entries.get(key);
    if (!entry) return undefined;
    if (entry.generation !== this.generation || now >= entry.expiresAt) {
      this.entries.delete(key);
      return undefined;
    }
    return entry.principal;
  }

  /** Stores a principal read under `generation`, unless something changed since or nothing listens. */
  set(key: string, principal: Principal, generation: number, endsAt: number | null, now = Date.now()): void {
    if (!this.listening || generation !== this.generation) return;
    if (this.entries.size >= MAX_ENTRIES) this.entries.clear();
    this.entries.set(key, { principal, generation, expiresAt: Math.min(now + MAX_AGE_MS, endsAt ?? Infinity) });
  }

  /** Drops every entry: on a notification, and after this process's own changes to accounts. */
  invalidate(): void {
    this.generation++;
    this.entries.clear();
  }

  async close(): Promise<void> {
    this.closed = true;
    if (this.retry) clearTimeout(this.retry);
    this.stopListening();
    const client = this.client;
    this.client = null;
    if (client) {
      client.removeAllListeners('notification');
      client.release(true);
    }
  }

  private async connect(): Promise<void> {
    if (this.closed) return;
    let client: pg.PoolClient | null = null;
    try {
      client = await this.pool.connect();
      client.on('notification', (message) => {
        if (message.channel === PRINCIPALS_CHANNEL) this.invalidate();
      });
      client.on('error', (error) => this.lost(client!, error));
      client.on('end', () => this.lost(client!, new Error('the principal listener connection ended')));
      await client.query(`listen ${PRINCIPALS_CHANNEL}`);
      if (this.closed) {
        client.release(true);
        return;
      }
      this.client = client;
      // whatever changed while nothing listened is not in the cache: it was empty, and stays so until now
      this.invalidate();
      this.listening = true;
    } catch (error) {
      if (client) this.lost(client, error);
      else this.scheduleReconnect(error);
    }
  }

  private lost(client: pg.PoolClient, error: unknown): void {
    if (this.client !== null && this.client !== client) return;
    this.stopListening();
    this.client = null;
    client.removeAllListeners('notification');
    try {
      client.release(true);
    } catch {
      // released already
    }
    this.scheduleReconnect(error);
  }

  private stopListening(): void {
    this.listening = false;
    this.invalidate();
  }

  private scheduleReconnect(error: unknown): void {
    if (this.closed || this.retry) return;
    this.onError(error);
    this.retry = setTimeout(() => {
      this.retry = null;
      void this.connect();
    }, RECONNECT_MS);
    this.retry.unref();
  }
}

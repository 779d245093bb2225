import { sql } from 'kysely';
import type pg from 'pg';
import type { Db, Tx } from '../../../platform/db/database.ts';
import { generateCompany, generateContact, COMPANY_COLUMNS, CONTACT_COLUMNS, type GenContext } from './generate-contact.ts';
import { generateEngagement } from './generate-engagement.ts';
import { generateOrders, type Catalogue } from './generate-orders.ts';
import { openSink, type Column, type Value } from '../../../platform/db/copy-rows.ts';
import { INDUSTRIES, PRODUCT_FAMILIES, PRODUCT_VARIANTS } from './pools.ts';
import { createRng } from './prng.ts';
import { rebuildRevenueRollup, refreshContactAggregates } from './refresh-contact-aggregates.ts';
import { dropSecondaryIndexes, recreateIndexes } from './secondary-indexes.ts';

export type SeedPhase = 'products' | 'companies' | 'contacts' | 'orders' | 'engagement' | 'aggregates' | 'indexes' | 'analyze';
export type SeedProgress = { phase: SeedPhase; done: number; total: number };

export type SeedOptions = {
  workspaceId: string;
  contacts: number;
  /** mean orders per contact (geometric: many buy once or never, a few often); default 5 */
  ordersPerContact?: number;
  /** default: one company per 25 contacts */
  companies?: number;
  /** owners to spread records over (a few percent stay unowned, in the public pool) */
  ownerIds: string[];
  /** same seed, same data; default 42 */
  seed?: number;
  /** a pg pool enables COPY FROM STDIN (several times faster than INSERT for large loads) */
  pool?: pg.Pool;
  /** drop secondary indexes during the load and rebuild them after; only for large loads into a quiet database */
  rebuildIndexes?: boolean;
  onProgress?: (progress: SeedProgress) => void;
};

export type SeedResult = {
  contacts: number; companies: number; products: number; orders: number; orderLines: number;
  activities: number; notes: number; tasks: number; seconds: Record<string, number>;
};

const BATCH = 2_000;
const ORDER_CHUNK = 50_000;
const LOADED_TABLES = ['contacts', 'companies', 'orders', 'order_lines', 'activities', 'notes', 'tasks', 'contact_aggregates'];

/**
 * Synthetic customers for demos, tests and benchmarks: contacts and companies generated in TypeScript
 * (names, search columns) and streamed in; orders, lines, follow-ups and aggregates generated set-based
 * in SQL, in contact-id chunks. Deterministic for a seed.
 */
export async function seedCustomers(db: Db, options: SeedOptions): Promise<SeedResult> {
  const seed = options.seed ?? 42;
  const rng = createRng(seed);
  const progress = options.onProgress ?? (() => undefined);
  const seconds: Record<string, number> = {};
  const timed = async <T>(name: string, work: () => Promise<T>): Promise<T> => {
    const started = performance.now();
    try {
      return await work();
    } finally {
      seconds[name] = Math.round(performance.now() - started) / 1000;
    }
  };
  const { rows: wsRows } = await sql<{ currency: string }>`select currency from workspaces where id = ${options.workspaceId}`.execute(db);
  const currency = wsRows[0]?.currency;
  if (!currency) throw new Error(`workspace ${options.workspaceId} does not exist`);
  const now = Date.now();

  await ensureCustomFields(db, options.workspaceId);
  const catalogue = await timed('products', () => ensureCatalogue(db, options.workspaceId, currency));
  progress({ phase: 'products', done: catalogue.ids.length, total: catalogue.ids.length });

  const saved = options.rebuildIndexes ? await dropSecondaryIndexes(db, LOADED_TABLES) : [];
  try {
    const companyCount = options.companies ?? Math.ceil(options.contacts / 25);
    const companyIds = await timed('companies', () =>
      load(db, options, 'companies', COMPANY_COLUMNS, companyCount, (i) => generateCompany(rng, { workspaceId: options.workspaceId, ownerIds: options.ownerIds, now }, i), 'companies'));
    const ctx: GenContext = { workspaceId: options.workspaceId, ownerIds: options.ownerIds, companyIds: companyIds.ids, now };
    const contacts = await timed('contacts', () => load(db, options, 'contacts', CONTACT_COLUMNS, options.contacts, (i) => generateContact(rng, ctx, i), 'contacts'));

    // fresh statistics before the set-based steps: without them the planner takes the just-loaded
    // tables for empty and picks nested loops over millions of rows
    await analyze(db, ['companies', 'contacts']);
    let orders = 0;
    let orderLines = 0;
    let activities = 0;
    let notes = 0;
    let tasks = 0;
    const chunks = contactChunks(contacts.firstId, contacts.lastId);
    const expectedOrders = Math.round(options.contacts * (options.ordersPerContact ?? 5));
    const trusted = await canSkipForeignKeyChecks(db);
    await timed('orders', async () => {
      for (const [fromId, toId] of chunks) {
        const made = await generatedInTransaction(db, trusted, (tx) => generateOrders(tx, { workspaceId: options.workspaceId, fromId, toId, ordersPerContact: options.ordersPerContact ?? 5, currency, catalogue, seed }));
        orders += made.orders;
        orderLines += made.lines;
        progress({ phase: 'orders', done: orders, total: Math.max(expectedOrders, orders) });
      }
    });
    await analyze(db, ['orders', 'order_lines']);
    await timed('engagement', async () => {
      let done = 0;
      for (const [fromId, toId] of chunks) {
        const made = await generatedInTransaction(db, trusted, (tx) => generateEngagement(tx, { workspaceId: options.workspaceId, fromId, toId, seed }));
        activities += made.activities;
        notes += made.notes;
        tasks += made.tasks;
        progress({ phase: 'engagement', done: ++done, total: chunks.length });
      }
    });
    await analyze(db, ['activities', 'notes', 'tasks']);
    // one set-based pass: per chunk, each statement would scan all orders again (their indexes may be dropped)
    await timed('aggregates', async () => {
      if (contacts.firstId !== null && contacts.lastId !== null) {
        await refreshContactAggregates(db, options.workspaceId, { fromId: contacts.firstId, toId: contacts.lastId });
      }
      await rebuildRevenueRollup(db, options.workspaceId);
      progress({ phase: 'aggregates', done: 1, total: 1 });
    });
    if (saved.length > 0) {
      const rebuild = saved.splice(0);
      await timed('indexes', () => recreateIndexes(db, rebuild, (done) => progress({ phase: 'indexes', done, total: rebuild.length })));
    }
    await timed('analyze', () => analyze(db, LOADED_TABLES));
    progress({ phase: 'analyze', done: 1, total: 1 });
    return { contacts: contacts.count, companies: companyIds.ids.length, products: catalogue.ids.length, orders, orderLines, activities, notes, tasks, seconds };
  } finally {
    // a failed load must not leave the database without its indexes
    if (saved.length > 0) await recreateIndexes(db, saved);
  }
}

/**
 * Set-based rows reference only contacts, companies, owners and products of the same workspace read in
 * the same statement, so their foreign keys hold by construction; the per-row checks are half the cost
 * of generating orders (measured: 11.6 s → 5.9 s for 125k orders with 250k lines). Skipping them needs
 * a superuser (session_replication_role), which the embedded database's owner is; elsewhere they run.
 */
async function canSkipForeignKeyChecks(db: Db): Promise<boolean> {
  const { rows } = await sql<{ rolsuper: boolean }>`select rolsuper from pg_roles where rolname = current_user`.execute(db);
  return rows[0]?.rolsuper === true;
}

function generatedInTransaction<T>(db: Db, skipForeignKeyChecks: boolean, work: (tx: Tx) => Promise<T>): Promise<T> {
  return db.transaction().execute(async (tx) => {
    if (skipForeignKeyChecks) await sql`set local session_replication_role = replica`.execute(tx);
    return work(tx);
  });
}

async function analyze(db: Db, tables: readonly string[]): Promise<void> {
  for (const table of tables) await sql`analyze ${sql.table(table)}`.execute(db);
}

function contactChunks(firstId: string | null, lastId: string | null): [string, string][] {
  if (firstId === null || lastId === null) return [];
  const chunks: [string, string][] = [];
  for (let from = BigInt(firstId); from <= BigInt(lastId); from += BigInt(ORDER_CHUNK)) {
    const to = from + BigInt(ORDER_CHUNK - 1);
    chunks.push([String(from), String(to < BigInt(lastId) ? to : BigInt(lastId))]);
  }
  return chunks;
}

/**
 * Streams `count` generated rows into `table` and returns the ids they got. The ids are read back as the
 * rows of this workspace above the table's previous maximum id: identity values only grow.
 */
async function load(
  db: Db,
  options: SeedOptions,
  table: 'contacts' | 'companies',
  columns: readonly Column[],
  count: number,
  make: (i: number) => Value[],
  phase: SeedPhase,
): Promise<{ ids: string[]; firstId: string | null; lastId: string | null; count: number }> {
  // the identity sequence's last value, not max(id): that would scan a large table (id is second in its key)
  const { rows: before } = await sql<{ max: string }>`
    select coalesce(pg_sequence_last_value(pg_get_serial_sequence(${table}, 'id')::regclass), 0)::text as max`.execute(db);
  const sink = await openSink(db, options.pool, table, columns);
  try {
    for (let start = 0; start < count; start += BATCH) {
      const rows: Value[][] = [];
      for (let i = start; i < Math.min(count, start + BATCH); i++) rows.push(make(i));
      await sink.write(rows);
      options.onProgress?.({ phase, done: Math.min(count, start + BATCH), total: count });
    }
  } finally {
    await sink.end();
  }
  const range = await sql<{ first: string | null; last: string | null; n: string }>`
    select min(id)::text as first, max(id)::text as last, count(*)::text as n
    from ${sql.table(table)} where workspace_id = ${options.workspaceId} and id > ${before[0]!.max}`.execute(db);
  const r = range.rows[0]!;
  // companies are few: their ids are handed to contacts; contacts are many: only their range is kept
  const ids = table === 'companies'
    ? (await sql<{ id: string }>`select id::text from companies where workspace_id = ${options.workspaceId} and id > ${before[0]!.max} order by id`.execute(db)).rows.map((x) => x.id)
    : [];
  return { ids, firstId: r.first, lastId: r.last, count: Number(r.n) };
}

/** The custom fields the generator fills: 会员号 member_no (an identifier) and 行业 industry (a select). */
async function ensureCustomFields(db: Db, workspaceId: string): Promise<void> {
  const options = INDUSTRIES.map(([value, zh, en]) => ({ value, label: en, label_zh: zh }));
  await sql`insert into field_definitions (workspace_id, object_type, key, label, label_zh, type, options, is_identifier, position)
            values (${workspaceId}, 'contacts', 'member_no', 'Member no.', '会员号', 'text', '[]', true, 1),
                   (${workspaceId}, 'contacts', 'industry', 'Industry', '行业', 'select', ${JSON.stringify(options)}::jsonb, false, 2)
            on conflict (workspace_id, object_type, key) do nothing`.execute(db);
}

/** A catalogue of family × variant products (SKU SEED-nn-v), created once per workspace. */
async function ensureCatalogue(db: Db, workspaceId: string, currency: string): Promise<Catalogue> {
  const products = PRODUCT_FAMILIES.flatMap(([zh, en, price], f) =>
    PRODUCT_VARIANTS.map(([vzh, ven, factor], v) => ({
      sku: `SEED-${String(f + 1).padStart(2, '0')}-${v + 1}`,
      name: `${zh}（${vzh}）`,
      name_en: `${en} (${ven})`,
      price: Math.round((price * factor) / 100) * 100,
    })));
  await sql`insert into products (workspace_id, sku, name, price_minor, currency, attributes)
            select ${workspaceId}, p.sku, p.name, p.price, ${currency}, jsonb_build_object('name_en', p.name_en)
            from jsonb_to_recordset(${JSON.stringify(products)}::jsonb) as p(sku text, name text, name_en text, price bigint)
            on conflict (workspace_id, sku) do nothing`.execute(db);
  const { rows } = await sql<{ id: string; name: string; price_minor: string }>`
    select id::text, name, price_minor::text from products where workspace_id = ${workspaceId} and sku like 'SEED-%' order by sku`.execute(db);
  return { ids: rows.map((r) => r.id), names: rows.map((r) => r.name), prices: rows.map((r) => Number(r.price_minor)) };
}

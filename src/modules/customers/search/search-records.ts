import { sql, type RawBuilder } from 'kysely';
import { prepared, type Db } from '../../../platform/db/database.ts';
import { can, type Principal } from '../../../platform/http/access.ts';
import { AppError } from '../../../platform/http/errors.ts';
import { isHidden, isMasked, readableDisplayName, readableField, sharedIdsSql, unmaskedField, visibilityPredicate, visibleOwnerIds } from '../../accounts/index.ts';
import { searchPlan, TIER, type SearchPlan } from './search-document.ts';
import { matchedField, type MatchedField } from './matched-field.ts';
import { matchesVisibleName } from './visible-name-match.ts';

export type SearchHit = { type: 'contact' | 'company'; id: string; title: string | null; subtitle: string; matched: MatchedField };

export type SearchRow = {
  type: 'contact' | 'company';
  id: string;
  /** the name as the role may see it (null: hidden) */
  title: string | null;
  tier: number;
  email: string | null;
  phone: string | null;
  company_name: string | null;
  domain: string | null;
  city: string | null;
  /** the name parts the role may read unmasked, when a hidden part makes the hit need a recheck; else null */
  name_parts: string[] | null;
};

// Candidates per path: a few times the page, so the final ordering has something to choose from,
// yet small enough that a broad prefix stops after a few hundred heap rows.
const candidatesFor = (limit: number) => Math.max(limit * 3, 20);
// Trigram matches are rechecked row by row (the costly part): take a bounded set, then rank it.
const fuzzyCandidatesFor = (limit: number) => Math.max(limit * 10, 100);
// A role that hides part of a name has hits rechecked against the parts it may read (visible-name-match.ts);
// a few times the page is fetched so that the rejected ones leave the page full.
const RECHECK_FACTOR = 4;
// pg_trgm's default word_similarity_threshold, used where the operator (and so the index) is not wanted
const FUZZY_THRESHOLD = 0.6;

/** `text` matches the row's trigram text: through the trigram index, or among prefix candidates. */
function fuzzyMatch(text: string, stems: string | null, tokens: RawBuilder<unknown>, trigrams: RawBuilder<unknown>): RawBuilder<boolean> {
  if (stems === null) return sql<boolean>`${text} <% ${trigrams}`;
  return sql<boolean>`${tokens} @@ ${stems}::tsquery and word_similarity(${text}, ${trigrams}) >= ${sql.lit(FUZZY_THRESHOLD)}`;
}

type Target = {
  /** one index path, limited early, scoped to the workspace and the data scope */
  branch: (match: (tokens: RawBuilder<unknown>) => RawBuilder<unknown>, tier: (tokens: RawBuilder<unknown>) => RawBuilder<unknown>) => RawBuilder<unknown>;
  /** the display columns of the best tier per record, masked in SQL */
  display: (hits: RawBuilder<unknown>) => RawBuilder<unknown>;
  /** the trigram fallback; with `stems`, candidates come from word prefixes in the tsvector index */
  fuzzy: (text: string, stems: string | null) => RawBuilder<unknown>;
  emailSearchable: boolean;
  phoneSearchable: boolean;
  /** part of the name is hidden: hits are rechecked against the readable parts (name_parts) */
  recheck: boolean;
  /** search_text holds every part of the name, so a role that hides one gets no trigram matches */
  fuzzySearchable: boolean;
};

type Scope = { visible: RawBuilder<boolean>; drivers: RawBuilder<boolean>[] };

/**
 * Global as-you-type search over the contacts and companies the caller may see. Every path is an
 * index lookup — GIN over search_tokens for names, CJK bigrams, pinyin, emails and phone suffixes;
 * trigram GIN over search_text for typos — limited early, with the workspace and the data scope
 * inside every branch, and phone/email masked as in lists.
 */
export async function searchRecords(db: Db, principal: Principal, q: string, limit: number): Promise<SearchHit[]> {
  if (q.trim() === '') throw new AppError('VALIDATION_FAILED', 'q must not be empty', { field: 'q' });
  const plan = searchPlan(q);
  const pending: Promise<Target>[] = [];
  if (can(principal, 'contacts', 'view')) pending.push(contactTarget(db, principal, limit));
  if (can(principal, 'companies', 'view')) pending.push(companyTarget(db, principal, limit));
  const targets = await Promise.all(pending);
  if (targets.length === 0) return [];

  let rows = await indexedMatches(db, targets, plan, q, limit);
  // Typo tolerance, cheapest first: candidates that share the words' first letters; only when that
  // finds nothing (a typo in the first letters), any trigram match — rechecked row by row, costlier.
  if (rows.length < limit && plan.fuzzy) {
    const seen = new Set(rows.map((r) => `${r.type}:${r.id}`));
    let fuzzyRows = plan.fuzzyPrefix ? await fuzzyMatches(db, targets, plan.fuzzy, plan.fuzzyPrefix, limit) : [];
    if (fuzzyRows.length === 0) fuzzyRows = await fuzzyMatches(db, targets, plan.fuzzy, null, limit);
    rows = [...rows, ...fuzzyRows.filter((r) => !seen.has(`${r.type}:${r.id}`))].slice(0, limit);
  }
  return rows.map((r) => ({
    type: r.type,
    id: r.id,
    title: r.title,
    subtitle: [r.company_name, r.domain, r.phone, r.email, r.city].filter((v): v is string => !!v).join(' · '),
    matched: matchedField({ ...r, title: r.title ?? '' }, plan, q),
  }));
}

/**
 * The data scope of one object for one alias. `visible` is accounts' predicate and decides. `drivers`
 * only split the candidates into "owned within the scope" and "shared with me", each of which the planner
 * can serve from an index — a BitmapAnd of the owner btree and the GIN index, instead of rechecking every
 * match in the workspace when the scope sees 1 % of it.
 */
async function scopeFor(db: Db, principal: Principal, object: 'contacts' | 'companies', alias: string): Promise<Scope> {
  const ownerIds = await visibleOwnerIds(db, principal, object);
  const visible = visibilityPredicate(alias, object, principal, ownerIds);
  if (ownerIds === null) return { visible, drivers: [sql<boolean>`true`] };
  return {
    visible,
    drivers: [
      sql<boolean>`${sql.ref(`${alias}.owner_id`)} = any(${ownerIds}::bigint[])`,
      sql<boolean>`${sql.ref(`${alias}.id`)} in (${sharedIdsSql(principal, object)})`,
    ],
  };
}

/**
 * The name parts a hit is rechecked against: the readable, unmasked ones, or null when nothing of the
 * name is hidden (no recheck). A masked part is left out: its text is not what the role sees.
 */
function recheckParts(principal: Principal, object: 'contacts' | 'companies', parts: { field: string; column: RawBuilder<unknown> }[]): RawBuilder<unknown> {
  if (!parts.some((p) => isHidden(principal, object, p.field))) return sql`null::text[]`;
  const readable = parts.filter((p) => !isHidden(principal, object, p.field) && !isMasked(principal, object, p.field, 'list'));
  return readable.length === 0 ? sql`'{}'::text[]` : sql`array_remove(array[${sql.join(readable.map((p) => sql`${p.column}::text`))}], null)`;
}

async function contactTarget(db: Db, principal: Principal, limit: number): Promise<Target> {
  const ws = principal.workspaceId;
  const { visible, drivers } = await scopeFor(db, principal, 'contacts', 'c');
  const recheck = isHidden(principal, 'contacts', 'first_name') || isHidden(principal, 'contacts', 'last_name');
  const cap = candidatesFor(recheck ? limit * RECHECK_FACTOR : limit);
  const fuzzyCap = fuzzyCandidatesFor(limit);
  const field = (name: string, kind: 'phone' | 'email' | 'text') => readableField(principal, 'contacts', name, sql.ref(`c.${name}`), kind, 'list');
  const title = readableDisplayName(principal, { displayName: sql`c.display_name`, firstName: sql`c.first_name`, lastName: sql`c.last_name` }, 'list');
  const parts = recheckParts(principal, 'contacts', [{ field: 'first_name', column: sql`c.first_name` }, { field: 'last_name', column: sql`c.last_name` }]);
  // the subtitle names the contact's company only when the role may read both the reference and the name
  const companyName = unmaskedField(principal, 'contacts', 'company_id', readableField(principal, 'companies', 'name', sql`co.name`, 'text', 'list'));
  const scoped = (where: RawBuilder<boolean>, select: RawBuilder<unknown>, capped: number) =>
    sql.join(drivers.map((driver) => sql`(select ${select} from contacts c
        where c.workspace_id = ${ws} and c.deleted_at is null and ${where} and ${driver} and ${visible} limit ${capped})`), sql` union all `);
  return {
    branch: (match, tier) => scoped(sql<boolean>`${match(sql`c.search_tokens`)}`, sql`c.id, ${tier(sql`c.search_tokens`)}::int as tier`, cap),
    display: (hits) => sql`
      select 'contact' as type, c.id::text as id, ${title}::text as title, b.tier,
             ${field('email', 'email')}::text as email, ${field('phone', 'phone')}::text as phone,
             ${companyName}::text as company_name, null::text as domain,
             ${field('city', 'text')}::text as city, ${parts} as name_parts
      from (select id, min(tier) as tier from ${hits} h group by id) b
      join contacts c on c.workspace_id = ${ws} and c.id = b.id
      left join companies co on co.workspace_id = c.workspace_id and co.id = c.company_id and co.deleted_at is null`,
    fuzzy: (text, stems) => sql`(select f.id, ${TIER.fuzzy}::int as tier from (${scoped(fuzzyMatch(text, stems, sql`c.search_tokens`, sql`c.search_text`), sql`c.id, c.search_text`, fuzzyCap)}) f
        order by ${text} <<-> f.search_text limit ${limit})`,
    // a hidden field must not be searchable either: a hit would reveal its value
    emailSearchable: !isHidden(principal, 'contacts', 'email'),
    phoneSearchable: !isHidden(principal, 'contacts', 'phone'),
    recheck,
    fuzzySearchable: !recheck,
  };
}

async function companyTarget(db: Db, principal: Principal, limit: number): Promise<Target> {
  const ws = principal.workspaceId;
  const { visible, drivers } = await scopeFor(db, principal, 'companies', 'co');
  const recheck = isHidden(principal, 'companies', 'name');
  const cap = candidatesFor(recheck ? limit * RECHECK_FACTOR : limit);
  const fuzzyCap = fuzzyCandidatesFor(limit);
  const scoped = (where: RawBuilder<boolean>, select: RawBuilder<unknown>, capped: number) =>
    sql.join(drivers.map((driver) => sql`(select ${select} from companies co
        where co.workspace_id = ${ws} and co.deleted_at is null and ${where} and ${driver} and ${visible} limit ${capped})`), sql` union all `);
  return {
    branch: (match, tier) => scoped(sql<boolean>`${match(sql`co.search_tokens`)}`, sql`co.id, ${tier(sql`co.search_tokens`)}::int as tier`, cap),
    display: (hits) => sql`
      select 'company' as type, co.id::text as id, ${readableField(principal, 'companies', 'name', sql`co.name`, 'text', 'list')}::text as title, b.tier,
             null::text as email, null::text as phone, null::text as company_name,
             ${readableField(principal, 'companies', 'domain', sql`co.domain`, 'text', 'list')}::text as domain,
             ${readableField(principal, 'companies', 'city', sql`co.city`, 'text', 'list')}::text as city,
             ${recheckParts(principal, 'companies', [{ field: 'name', column: sql`co.name` }])} as name_parts
      from (select id, min(tier) as tier from ${hits} h group by id) b
      join companies co on co.workspace_id = ${ws} and co.id = b.id`,
    fuzzy: (text, stems) => sql`(select f.id, ${TIER.fuzzy}::int as tier from (${scoped(fuzzyMatch(text, stems, sql`co.search_tokens`, sql`co.search_text`), sql`co.id, co.search_text`, fuzzyCap)}) f
        order by ${text} <<-> f.search_text limit ${limit})`,
    emailSearchable: !isHidden(principal, 'companies', 'email'),
    phoneSearchable: !isHidden(principal, 'companies', 'phone'),
    recheck,
    fuzzySearchable: !recheck,
  };
}

/**
 * Two GIN lookups per target and scope driver: the whole name (rare, so it gets its own candidates and
 * always ranks first), and one OR-ed tsquery for whole terms, the as-you-type prefix and phone suffixes,
 * ranked by which part matched. Fewer branches keep planning time (paid on every keystroke) low.
 */
function tokenBranches(target: Target, plan: SearchPlan): RawBuilder<unknown>[] {
  if (plan.hasEmail && !target.emailSearchable) return [];
  const branches: RawBuilder<unknown>[] = [];
  if (plan.exactName) {
    const name = plan.exactName;
    branches.push(target.branch((tokens) => sql`${tokens} @@ ${name}::tsquery`, () => sql`${TIER.name}`));
  }
  const parts: [string, number][] = [];
  if (plan.exact) parts.push([plan.exact, TIER.exact]);
  if (plan.phone && target.phoneSearchable) parts.push([plan.phone, TIER.phone]);
  if (plan.prefix) parts.push([plan.prefix, TIER.prefix]);
  if (parts.length > 0) {
    const any = sql.join(parts.map(([query]) => sql`${query}::tsquery`), sql` || `);
    branches.push(target.branch(
      (tokens) => sql`${tokens} @@ (${any})`,
      (tokens) => sql`case ${sql.join(parts.map(([query, tier]) => sql`when ${tokens} @@ ${query}::tsquery then ${tier}`), sql` `)} end`,
    ));
  }
  return branches;
}

/**
 * Whole terms first: when they fill the page, no prefix-only match could rank into it (TIER.prefix is the
 * last indexed tier), so the prefix — for two letters of pinyin initials a GIN bitmap of tens of thousands
 * of rows — is looked up only when the whole terms leave room.
 */
async function indexedMatches(db: Db, targets: Target[], plan: SearchPlan, q: string, limit: number): Promise<SearchRow[]> {
  if (plan.prefix !== null && (plan.exact !== null || plan.exactName !== null)) {
    const whole = await matchesOf(db, targets, { ...plan, prefix: null }, q, limit);
    if (whole.length >= limit) return whole;
  }
  return matchesOf(db, targets, plan, q, limit);
}

async function matchesOf(db: Db, targets: Target[], plan: SearchPlan, q: string, limit: number): Promise<SearchRow[]> {
  const parts = targets.flatMap((target) => {
    const branches = tokenBranches(target, plan);
    return branches.length === 0 ? [] : [target.display(sql`(${sql.join(branches, sql` union all `)})`)];
  });
  if (parts.length === 0) return [];
  const recheck = targets.some((t) => t.recheck);
  const { rows } = await prepared(sql<SearchRow>`
    select * from (${sql.join(parts, sql` union all `)}) r
    order by r.tier, coalesce(lower(r.title) = lower(${q.trim()}), false) desc, length(r.title), r.type, r.id::bigint
    limit ${recheck ? limit * RECHECK_FACTOR : limit}`).execute(db);
  if (!recheck) return rows;
  const prefix = plan.prefix !== null;
  return rows.filter((r) => r.name_parts === null || matchesVisibleName(q, prefix, { tier: r.tier, parts: r.name_parts })).slice(0, limit);
}

async function fuzzyMatches(db: Db, targets: Target[], text: string, stems: string | null, limit: number): Promise<SearchRow[]> {
  const parts = targets.filter((target) => target.fuzzySearchable).map((target) => target.display(target.fuzzy(text, stems)));
  if (parts.length === 0) return [];
  const { rows } = await prepared(sql<SearchRow>`
    select * from (${sql.join(parts, sql` union all `)}) r
    order by coalesce(word_similarity(${text}, lower(r.title)), 0) desc, length(r.title), r.type, r.id::bigint
    limit ${limit}`).execute(db);
  return rows;
}

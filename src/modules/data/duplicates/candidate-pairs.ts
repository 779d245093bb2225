import type pg from 'pg';

/**
 * Within a block of records sharing a key, each record is paired with the next WINDOW records in the
 * block's order (a sorted-neighbourhood window, Hernández & Stolfo 1995): a block of up to WINDOW + 1
 * records yields all its pairs, an oversized one (a shared info@ address, a busy street) at most WINDOW
 * pairs per record, so the candidate count grows linearly with the workspace, never with the square of
 * a block. Broad keys (a name alone, an email local part) say something only when few records share
 * them: their blocks take part up to BROAD_BLOCK_MAX records and are skipped beyond — a name shared by
 * hundreds (张伟, John Smith) pairs its records only through the composite keys (name + birthday …).
 */
export const WINDOW = 10;
export const BROAD_BLOCK_MAX = 5;

/**
 * `dd_cand (a, b)` with a < b: the distinct candidate pairs of `dd_keys`, less the pairs a user already
 * decided (dismissed or merged), which a scan never proposes again. Single-record blocks — most keys —
 * are dropped by one hash aggregate first, so only shared keys are sorted; lead() over each block gives
 * the neighbours without a self-join.
 */
export async function buildCandidatePairs(client: pg.PoolClient, workspaceId: string, objectType: 'contact' | 'company'): Promise<number> {
  await client.query(`create temp table dd_blocks on commit drop as
    select k from dd_keys group by k
    having count(*) > 1 and (k & 1 = 0 or count(*) <= ${BROAD_BLOCK_MAX})`);
  const leads = Array.from({ length: WINDOW }, (_, i) => `lead(id, ${i + 1}) over w`).join(', ');
  await client.query(`create temp table dd_cand on commit drop as
    select distinct least(x.id, o.other) as a, greatest(x.id, o.other) as b
    from (select d.id, array[${leads}] as next
          from dd_keys d where d.k in (select k from dd_blocks)
          window w as (partition by d.k order by d.s, d.id)) x
    cross join lateral unnest(x.next) as o(other)
    where o.other is not null and o.other <> x.id`);
  await client.query(`delete from dd_cand c using duplicate_pairs p
    where p.workspace_id = $1 and p.object_type = $2 and p.status <> 'open' and p.a_id = c.a and p.b_id = c.b`, [workspaceId, objectType]);
  const { rows } = await client.query<{ n: string }>('select count(*) as n from dd_cand');
  return Number(rows[0]?.n ?? 0);
}

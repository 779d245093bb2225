import type pg from 'pg';

/**
 * Within a block of records sharing a key, each record is paired with the next WINDOW records in the
 * block's order (a sorted-neighbourhood window, Hernández & Stolfo 1995): a block of up to WINDOW + 1
 * records yields all its pairs, an oversized one (a common name, a shared info@ address) yields at most
 * WINDOW pairs per record, so the candidate count grows linearly with the workspace, never with the
 * square of a block. Keys on a name alone are the broadest, so they get the narrower window.
 */
export const WINDOW = 10;
export const NAME_WINDOW = 4;
const BROAD_KEYS = `('n', 'm')`;

/**
 * `dd_cand (a, b)` with a < b: the distinct candidate pairs of `dd_keys`, less the pairs a user already
 * decided (dismissed or merged), which a scan never proposes again. One sort of the keys does it:
 * lead() over each block gives the neighbours, no self-join.
 */
export async function buildCandidatePairs(client: pg.PoolClient, workspaceId: string, objectType: 'contact' | 'company'): Promise<number> {
  const leads = Array.from({ length: WINDOW }, (_, i) => `lead(id, ${i + 1}) over w`).join(', ');
  await client.query(`create temp table dd_cand on commit drop as
    select distinct least(x.id, o.other) as a, greatest(x.id, o.other) as b
    from (select id, case when left(k, 1) in ${BROAD_KEYS} then ${NAME_WINDOW} else ${WINDOW} end as width, array[${leads}] as next
          from dd_keys window w as (partition by k order by s, id)) x
    cross join lateral unnest(x.next[1:x.width]) as o(other)
    where o.other is not null and o.other <> x.id`);
  await client.query(`delete from dd_cand c using duplicate_pairs p
    where p.workspace_id = $1 and p.object_type = $2 and p.status <> 'open' and p.a_id = c.a and p.b_id = c.b`, [workspaceId, objectType]);
  const { rows } = await client.query<{ n: string }>('select count(*) as n from dd_cand');
  return Number(rows[0]?.n ?? 0);
}

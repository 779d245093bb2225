-- Up Migration
-- relata_mask_text kept the first 3 and last 4 characters of any value longer than 6, so a value of 7
-- characters came back whole ('Beijing'), and one of 8 or 9 lost one or two. Values of 7 to 14
-- characters now keep a fifth of them at each end ('B*****g', 'Ho*******ld'); from 15 on, the first 3
-- and last 4 stay, as on ID numbers (310***********9999), where the last 4 are what service checks.
create or replace function relata_mask_text(v text) returns text language sql immutable parallel safe as $$
  select case when v is null then null
              when length(v) <= 2 then repeat('*', length(v))
              when length(v) <= 6 then left(v, 1) || repeat('*', length(v) - 2) || right(v, 1)
              when length(v) <= 14 then left(v, length(v) / 5) || repeat('*', length(v) - 2 * (length(v) / 5)) || right(v, length(v) / 5)
              else left(v, 3) || repeat('*', length(v) - 7) || right(v, 4) end
$$;

-- Down Migration
create or replace function relata_mask_text(v text) returns text language sql immutable parallel safe as $$
  select case when v is null then null
              when length(v) <= 2 then repeat('*', length(v))
              when length(v) <= 6 then left(v, 1) || repeat('*', length(v) - 2) || right(v, 1)
              else left(v, 3) || repeat('*', length(v) - 7) || right(v, 4) end
$$;

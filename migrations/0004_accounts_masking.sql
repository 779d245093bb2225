-- Up Migration
-- Masking happens in SQL so that no read path (list, search, timeline, export, API) can forget it.
create function relata_mask_phone(v text) returns text language sql immutable parallel safe as $$
  select case when v is null then null
              when length(v) <= 7 then repeat('*', length(v))
              else left(v, length(v) - 8) || '****' || right(v, 4) end
$$;
-- +8613812348000 -> +86138****8000 ; a national 13812348000 -> 138****8000

create function relata_mask_email(v text) returns text language sql immutable parallel safe as $$
  select case when v is null then null
              when position('@' in v) <= 1 then '***'
              else left(v, 1) || '***' || substr(v, position('@' in v)) end
$$;

create function relata_mask_text(v text) returns text language sql immutable parallel safe as $$
  select case when v is null then null
              when length(v) <= 2 then repeat('*', length(v))
              when length(v) <= 6 then left(v, 1) || repeat('*', length(v) - 2) || right(v, 1)
              else left(v, 3) || repeat('*', length(v) - 7) || right(v, 4) end
$$;

-- Down Migration
drop function relata_mask_text(text);
drop function relata_mask_email(text);
drop function relata_mask_phone(text);

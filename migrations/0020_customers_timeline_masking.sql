-- Up Migration
-- Audit changes are JSON ({ field: [old, new] }) and a value may be a string, an array of
-- { value, label } objects (phones, emails) or a number. The timeline masks them in SQL, like every
-- other read path, so a masked field never leaves the database in clear. plpgsql because the
-- function recurses (a SQL-language function cannot reference itself at creation time).
create function relata_mask_jsonb(v jsonb, kind text) returns jsonb language plpgsql immutable parallel safe as $$
begin
  return case jsonb_typeof(v)
    when 'string' then to_jsonb(case kind
                                  when 'phone' then relata_mask_phone(v #>> '{}')
                                  when 'email' then relata_mask_email(v #>> '{}')
                                  else relata_mask_text(v #>> '{}') end)
    when 'number' then to_jsonb(relata_mask_text(v #>> '{}'))
    when 'array' then (select coalesce(jsonb_agg(relata_mask_jsonb(e, kind) order by i), '[]'::jsonb)
                       from jsonb_array_elements(v) with ordinality as x(e, i))
    -- { value, label }: the label ("mobile", "work") is not sensitive, everything else is
    when 'object' then (select coalesce(jsonb_object_agg(k, case when k = 'label' then val else relata_mask_jsonb(val, kind) end), '{}'::jsonb)
                        from jsonb_each(v) as y(k, val))
    else v
  end;
end
$$;

-- Down Migration
drop function relata_mask_jsonb(jsonb, text);

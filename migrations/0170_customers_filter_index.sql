-- Up Migration
-- One multicolumn GIN index per record table serves the list filters' equality and containment tests
-- (city = …, tags @> …, attributes @> {"industry": "retail"}, …) together. A GIN scan with several
-- conditions intersects their posting lists inside the index, skipping through the long ones, and hands
-- the heap only the rows that match all of them; separate indexes each built a bitmap of every row
-- matching one common value (75,000 VIPs, 50,000 retail, 100,000 in 上海 at 1M contacts) before the
-- bitmaps were ANDed. btree_gin gives GIN the scalar columns. See ADR 16.
create extension if not exists btree_gin;

create index contacts_filter_idx on contacts using gin
  (city, region, country, source, gender, lifecycle_stage, value_tier, tags, attributes jsonb_path_ops);
drop index contacts_tags_idx;
drop index contacts_attributes_idx;

create index companies_filter_idx on companies using gin
  (industry, city, region, country, tags, attributes jsonb_path_ops);
drop index companies_tags_idx;
drop index companies_attributes_idx;

-- Down Migration
create index companies_attributes_idx on companies using gin (attributes jsonb_path_ops);
create index companies_tags_idx on companies using gin (tags);
drop index companies_filter_idx;
create index contacts_attributes_idx on contacts using gin (attributes jsonb_path_ops);
create index contacts_tags_idx on contacts using gin (tags);
drop index contacts_filter_idx;
drop extension if exists btree_gin;

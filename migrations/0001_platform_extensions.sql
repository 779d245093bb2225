-- Up Migration
create extension if not exists pg_trgm;
create extension if not exists citext;
create extension if not exists unaccent;
create extension if not exists fuzzystrmatch;

-- Down Migration
drop extension if exists fuzzystrmatch;
drop extension if exists unaccent;
drop extension if exists citext;
drop extension if exists pg_trgm;

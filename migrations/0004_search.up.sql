-- Search that ignores case and accents and finds prefixes and substrings ("cafe" finds "Café").
-- Both extensions are trusted, so a database owner may create them without being a superuser.
CREATE EXTENSION IF NOT EXISTS unaccent;
CREATE EXTENSION IF NOT EXISTS pg_trgm;

-- unaccent() is only STABLE because its dictionary could be swapped; naming the dictionary pins
-- it, which makes the folded text safe to index.
CREATE FUNCTION bulq_fold(value text) RETURNS text
    LANGUAGE sql IMMUTABLE PARALLEL SAFE STRICT
    AS $$ SELECT lower(public.unaccent('public.unaccent'::regdictionary, value)) $$;

-- Trigram indexes serve LIKE '%…%' on the folded names.
CREATE INDEX products_search_idx ON products USING gin (bulq_fold(name || ' ' || brand) gin_trgm_ops);
CREATE INDEX stores_search_idx ON stores USING gin (bulq_fold(name) gin_trgm_ops);
CREATE INDEX groups_search_idx ON groups USING gin (bulq_fold(name) gin_trgm_ops);

DROP INDEX groups_search_idx;
DROP INDEX stores_search_idx;
DROP INDEX products_search_idx;
DROP FUNCTION bulq_fold(text);
DROP EXTENSION IF EXISTS pg_trgm;
DROP EXTENSION IF EXISTS unaccent;

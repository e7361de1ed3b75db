-- What a restore must reproduce exactly: every table's row count, and a checksum of the rows that
-- hold people's quantities and money. Independent of collation and time zone, so a dump restored
-- on another server compares equal. One `name<TAB>value` line each, sorted.
SET TimeZone = 'UTC';
SET DateStyle = 'ISO, YMD';
SET IntervalStyle = 'iso_8601';
SET extra_float_digits = 3;

SELECT 'rows:' || table_name,
       (xpath('/row/c/text()',
              query_to_xml(format('SELECT count(*) AS c FROM %I.%I', table_schema, table_name),
                           false, true, '')))[1]::text
  FROM information_schema.tables
 WHERE table_schema = 'public' AND table_type = 'BASE TABLE'
UNION ALL
SELECT 'checksum:' || t.name,
       (xpath('/row/c/text()',
              query_to_xml(format('SELECT md5(coalesce(string_agg(md5(r::text), '''' ORDER BY md5(r::text)), '''')) AS c FROM %I r', t.name),
                           false, true, '')))[1]::text
  FROM unnest(ARRAY['runs', 'bids', 'shopping_items', 'allocations', 'price_observations', 'products', 'store_packs', 'run_packs']) AS t(name)
 WHERE to_regclass(format('public.%I', t.name)) IS NOT NULL
 ORDER BY 1;

DROP INDEX users_search_idx;
DROP TABLE audit_log;
DROP TABLE password_resets;
DROP TABLE site_settings;
ALTER TABLE stores DROP COLUMN merged_into, DROP COLUMN verified;
ALTER TABLE products DROP COLUMN merged_into, DROP COLUMN verified;
ALTER TABLE users DROP COLUMN deleted_at, DROP COLUMN verified;

DROP INDEX users_search_idx;
DROP TABLE audit_log;
DROP TABLE password_resets;
DROP TABLE site_settings;
ALTER TABLE users DROP COLUMN verified;

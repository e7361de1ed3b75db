ALTER TABLE groups DROP COLUMN IF EXISTS own_prices_only;

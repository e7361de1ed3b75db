DROP INDEX IF EXISTS bids_from_family_idx;
ALTER TABLE bids DROP COLUMN IF EXISTS from_family;
DROP INDEX IF EXISTS products_family_idx;
ALTER TABLE products
    DROP CONSTRAINT IF EXISTS products_family_not_nested,
    DROP COLUMN IF EXISTS family_id,
    DROP COLUMN IF EXISTS is_family;

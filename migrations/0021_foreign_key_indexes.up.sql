-- Every foreign key gets an index that starts with its columns: merges and account removal
-- update rows by these columns, a product's page and the catalogue look shopping items up by
-- product, and the share-out reads a person's allocations of a run. Without them each of those
-- scans the whole table (app/tests/schema.rs keeps it so).
CREATE INDEX IF NOT EXISTS allocations_picked_up_by_idx ON allocations (picked_up_by)
    WHERE picked_up_by IS NOT NULL;
CREATE INDEX IF NOT EXISTS allocations_run_user_idx ON allocations (run_id, user_id);
CREATE INDEX IF NOT EXISTS leader_transfers_from_user_idx ON leader_transfers (from_user_id);
CREATE INDEX IF NOT EXISTS password_resets_created_by_idx ON password_resets (created_by);
CREATE INDEX IF NOT EXISTS products_merged_into_idx ON products (merged_into)
    WHERE merged_into IS NOT NULL;
CREATE INDEX IF NOT EXISTS shopping_items_product_idx ON shopping_items (product_id);
CREATE INDEX IF NOT EXISTS shopping_items_purchased_by_idx ON shopping_items (purchased_by)
    WHERE purchased_by IS NOT NULL;
CREATE INDEX IF NOT EXISTS stores_merged_into_idx ON stores (merged_into)
    WHERE merged_into IS NOT NULL;

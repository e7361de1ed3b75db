DROP INDEX IF EXISTS stores_merged_into_idx;
DROP INDEX IF EXISTS shopping_items_purchased_by_idx;
DROP INDEX IF EXISTS shopping_items_product_idx;
DROP INDEX IF EXISTS products_merged_into_idx;
DROP INDEX IF EXISTS password_resets_created_by_idx;
DROP INDEX IF EXISTS leader_transfers_from_user_idx;
DROP INDEX IF EXISTS allocations_run_user_idx;
DROP INDEX IF EXISTS allocations_picked_up_by_idx;

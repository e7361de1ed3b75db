ALTER TABLE runs DROP COLUMN pack_fairness;
ALTER TABLE bids DROP CONSTRAINT bids_tolerance_needs_quantity, DROP COLUMN tolerance;
ALTER TABLE price_observations DROP COLUMN pack_size;
DROP TABLE store_packs;

ALTER TABLE price_observations DROP CONSTRAINT price_observations_pack_price,
    DROP COLUMN pack_amount_minor;
DELETE FROM bids WHERE asked = 0;
UPDATE bids SET quantity = asked WHERE asked IS NOT NULL;
ALTER TABLE bids
    DROP CONSTRAINT bids_quantity_check,
    DROP COLUMN asked,
    ALTER COLUMN quantity TYPE numeric(7,3),
    ADD CONSTRAINT bids_check CHECK ((interested_only AND quantity = 0)
        OR (NOT interested_only AND quantity > 0 AND quantity <= 9999));
DROP TABLE run_packs;

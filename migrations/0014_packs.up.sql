-- Packs: how a store sells a product (a case of 12, a 25 kg sack, a minimum order), the
-- tolerance members add to a bid to fill a pack, and how the leader wants packs shared.

CREATE TABLE store_packs (
    store_id     uuid          NOT NULL REFERENCES stores (id),
    product_id   uuid          NOT NULL REFERENCES products (id),
    -- In the product's own unit; null when it is sold loose but with a minimum order.
    pack_size    numeric(10,3) CHECK (pack_size > 0 AND pack_size <= 9999),
    minimum      numeric(10,3) CHECK (minimum > 0 AND minimum <= 99999),
    -- Jars and tins are shared whole; rice from a sack to the gram.
    whole_units  boolean       NOT NULL DEFAULT true,
    updated_by   uuid          NOT NULL REFERENCES users (id),
    created_at   timestamptz   NOT NULL DEFAULT now(),
    updated_at   timestamptz   NOT NULL DEFAULT now(),
    PRIMARY KEY (store_id, product_id),
    CHECK (pack_size IS NOT NULL OR minimum IS NOT NULL)
);

CREATE INDEX store_packs_product_idx ON store_packs (product_id);
CREATE INDEX store_packs_updated_by_idx ON store_packs (updated_by);

CREATE TRIGGER store_packs_set_updated_at BEFORE UPDATE ON store_packs
    FOR EACH ROW EXECUTE FUNCTION set_updated_at();

-- A price seen for a whole pack ("6 × 1 L for 11.94"); null for a price per unit.
ALTER TABLE price_observations
    ADD COLUMN pack_size numeric(10,3) CHECK (pack_size > 0 AND pack_size <= 9999);

-- "I'd take up to this much more to fill a pack"; never on an "interested only" bid.
ALTER TABLE bids
    ADD COLUMN tolerance numeric(7,3) NOT NULL DEFAULT 0
        CHECK (tolerance >= 0 AND tolerance <= 9999),
    ADD CONSTRAINT bids_tolerance_needs_quantity CHECK (NOT interested_only OR tolerance = 0);

ALTER TABLE runs
    ADD COLUMN pack_fairness text NOT NULL DEFAULT 'proportional'
        CHECK (pack_fairness IN ('proportional', 'first_come'));

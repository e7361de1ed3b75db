-- What confirming a run made of the products it buys by the pack: the rule as the store had it
-- then, the leader's rounding and what to buy. The bids themselves then hold what each person
-- gets; reopening the run puts back what they asked and forgets these rows.

CREATE TABLE run_packs (
    run_id       uuid          NOT NULL REFERENCES runs (id),
    product_id   uuid          NOT NULL REFERENCES products (id),
    pack_size    numeric(10,3) CHECK (pack_size > 0),
    minimum      numeric(10,3) CHECK (minimum > 0),
    whole_units  boolean       NOT NULL,
    rounding     text          NOT NULL CHECK (rounding IN ('down', 'up')),
    -- What the shopper buys; a whole number of packs when there is a pack size.
    to_buy       numeric(12,3) NOT NULL CHECK (to_buy >= 0),
    -- What nobody asked for or offered to take: the leader's bid holds it (rounding up only).
    absorbed     numeric(12,3) NOT NULL DEFAULT 0 CHECK (absorbed >= 0),
    created_at   timestamptz   NOT NULL DEFAULT now(),
    PRIMARY KEY (run_id, product_id),
    CHECK (pack_size IS NOT NULL OR minimum IS NOT NULL)
);

CREATE INDEX run_packs_product_idx ON run_packs (product_id);

-- What a bid asked before the packs were shared out; null when the pack rule left it as it was,
-- 0 for the leader's bid made only to hold what rounding up left over (reopening removes it).
-- A bid cut to nothing keeps its row with quantity 0, so the cut stays on the record; one that
-- tolerance filled may hold up to its ask and a pack more.
ALTER TABLE bids
    ADD COLUMN asked numeric(7,3) CHECK (asked >= 0 AND asked <= 9999),
    ALTER COLUMN quantity TYPE numeric(8,3),
    DROP CONSTRAINT bids_check,
    ADD CONSTRAINT bids_quantity_check CHECK ((interested_only AND quantity = 0)
        OR (NOT interested_only AND quantity > 0 AND quantity <= 9999)
        OR (NOT interested_only AND asked IS NOT NULL AND quantity >= 0 AND quantity <= 19998));

-- A price seen for a whole pack ("6 × 1 L for 11.94") keeps what the pack cost exactly, and
-- amount_minor is then the price of one unit, rounded: whatever compares prices compares units.
ALTER TABLE price_observations
    ADD COLUMN pack_amount_minor bigint CHECK (pack_amount_minor > 0),
    ADD CONSTRAINT price_observations_pack_price
        CHECK ((pack_size IS NULL) = (pack_amount_minor IS NULL));

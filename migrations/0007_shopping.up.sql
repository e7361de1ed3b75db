-- Shopping, adjusting and distribution. The shopping list is built from the committed bids when
-- shopping starts (one item per product); shoppers record what they really bought and paid.
-- When the goods are shared out, each person's share of an item becomes an allocation with its
-- exact cost; the allocations of an item add up to what was bought and their costs to what was
-- paid. Quantities are exact thousandths (numeric(12,3): a list item may sum many bids).

CREATE TABLE shopping_items (
    run_id            uuid          NOT NULL REFERENCES runs (id),
    product_id        uuid          NOT NULL REFERENCES products (id),
    -- The committed total when shopping started (or what a shopper asked for when adding it).
    requested         numeric(12,3) NOT NULL CHECK (requested >= 0),
    -- Null until recorded; zero when the store had none.
    purchased         numeric(12,3) CHECK (purchased >= 0),
    unit_price_minor  bigint        CHECK (unit_price_minor >= 0),
    -- What was paid for the whole item: costs are split from it.
    total_minor       bigint        CHECK (total_minor >= 0),
    currency          text          CHECK (currency ~ '^[A-Z]{3}$'),
    -- 1, 2, 3 … in the order items were recorded.
    purchase_order    integer,
    purchased_at      timestamptz,
    purchased_by      uuid          REFERENCES users (id),
    -- Added in the store, not on the list built from the bids.
    added_in_store    boolean       NOT NULL DEFAULT false,
    created_at        timestamptz   NOT NULL DEFAULT now(),
    updated_at        timestamptz   NOT NULL DEFAULT now(),
    PRIMARY KEY (run_id, product_id),
    CHECK ((purchased IS NULL) = (total_minor IS NULL)
       AND (purchased IS NULL) = (unit_price_minor IS NULL)
       AND (purchased IS NULL) = (currency IS NULL)
       AND (purchased IS NULL) = (purchase_order IS NULL))
);

CREATE TRIGGER shopping_items_set_updated_at BEFORE UPDATE ON shopping_items
    FOR EACH ROW EXECUTE FUNCTION set_updated_at();

CREATE TABLE allocations (
    run_id        uuid          NOT NULL,
    product_id    uuid          NOT NULL,
    user_id       uuid          NOT NULL,
    -- The committed bid when the goods were shared out (zero for a surplus the leader holds).
    asked         numeric(12,3) NOT NULL CHECK (asked >= 0),
    quantity      numeric(12,3) NOT NULL CHECK (quantity >= 0),
    cost_minor    bigint        NOT NULL CHECK (cost_minor >= 0),
    reason        text          NOT NULL
                      CHECK (reason IN ('in_full', 'shortage_cut', 'surplus_to_leader')),
    picked_up_at  timestamptz,
    picked_up_by  uuid          REFERENCES users (id),
    created_at    timestamptz   NOT NULL DEFAULT now(),
    updated_at    timestamptz   NOT NULL DEFAULT now(),
    PRIMARY KEY (run_id, product_id, user_id),
    FOREIGN KEY (run_id, product_id) REFERENCES shopping_items (run_id, product_id),
    FOREIGN KEY (run_id, user_id) REFERENCES run_participants (run_id, user_id)
);

CREATE INDEX allocations_user_idx ON allocations (user_id);

CREATE TRIGGER allocations_set_updated_at BEFORE UPDATE ON allocations
    FOR EACH ROW EXECUTE FUNCTION set_updated_at();

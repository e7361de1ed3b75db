-- Costs a run shares besides the goods (fuel, delivery, a card fee): one person paid, and it is
-- split among everyone who got goods, equally or in proportion to their goods.
CREATE TABLE run_extra_costs (
    id            uuid        PRIMARY KEY DEFAULT gen_random_uuid(),
    run_id        uuid        NOT NULL REFERENCES runs (id),
    label         text        NOT NULL CHECK (char_length(label) BETWEEN 1 AND 100),
    amount_minor  bigint      NOT NULL CHECK (amount_minor > 0),
    currency      text        NOT NULL CHECK (currency ~ '^[A-Z]{3}$'),
    split         text        NOT NULL CHECK (split IN ('equally', 'by_goods')),
    paid_by       uuid        NOT NULL REFERENCES users (id),
    recorded_by   uuid        NOT NULL REFERENCES users (id),
    created_at    timestamptz NOT NULL DEFAULT now()
);

CREATE INDEX run_extra_costs_run_idx ON run_extra_costs (run_id);
CREATE INDEX run_extra_costs_paid_by_idx ON run_extra_costs (paid_by);
CREATE INDEX run_extra_costs_recorded_by_idx ON run_extra_costs (recorded_by);

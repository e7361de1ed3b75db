-- Money between friends. Who paid the store for a run, in the group's currency: by default
-- whoever recorded each purchase; the leader or a helper may change it until the run completes.
-- The payers of a run add up to exactly what was bought.
CREATE TABLE run_payers (
    run_id        uuid        NOT NULL REFERENCES runs (id),
    user_id       uuid        NOT NULL REFERENCES users (id),
    amount_minor  bigint      NOT NULL CHECK (amount_minor > 0),
    currency      text        NOT NULL CHECK (currency ~ '^[A-Z]{3}$'),
    recorded_by   uuid        REFERENCES users (id),
    created_at    timestamptz NOT NULL DEFAULT now(),
    PRIMARY KEY (run_id, user_id)
);

CREATE INDEX run_payers_user_idx ON run_payers (user_id);
CREATE INDEX run_payers_recorded_by_idx ON run_payers (recorded_by);

-- Runs already shopped: each purchase was paid by whoever recorded it.
INSERT INTO run_payers (run_id, user_id, amount_minor, currency)
SELECT i.run_id, i.purchased_by, sum(i.total_minor), min(i.currency)
  FROM shopping_items i JOIN runs r ON r.id = i.run_id
 WHERE r.state IN ('adjusting', 'distributing', 'completed')
   AND i.purchased_by IS NOT NULL AND i.total_minor > 0
 GROUP BY i.run_id, i.purchased_by;

-- Money passed between two members of a group to settle up: recorded by the payer (pending
-- until the receiver confirms) or by the receiver (confirmed at once); a pending one may be
-- withdrawn. Only confirmed ones move balances.
CREATE TABLE settlements (
    id            uuid        PRIMARY KEY DEFAULT gen_random_uuid(),
    group_id      uuid        NOT NULL REFERENCES groups (id),
    from_user     uuid        NOT NULL REFERENCES users (id),
    to_user       uuid        NOT NULL REFERENCES users (id),
    amount_minor  bigint      NOT NULL CHECK (amount_minor > 0),
    currency      text        NOT NULL CHECK (currency ~ '^[A-Z]{3}$'),
    state         text        NOT NULL DEFAULT 'pending'
                      CHECK (state IN ('pending', 'confirmed', 'withdrawn')),
    recorded_by   uuid        NOT NULL REFERENCES users (id),
    created_at    timestamptz NOT NULL DEFAULT now(),
    decided_at    timestamptz,
    CHECK (from_user <> to_user),
    CHECK ((state = 'pending') = (decided_at IS NULL))
);

CREATE INDEX settlements_group_idx ON settlements (group_id, created_at DESC);
CREATE INDEX settlements_from_idx ON settlements (from_user);
CREATE INDEX settlements_to_idx ON settlements (to_user);
CREATE INDEX settlements_recorded_by_idx ON settlements (recorded_by);

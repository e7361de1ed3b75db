-- Runs, who takes part in them and their bids. The state machine lives in `app::domain::run_state`;
-- the database keeps its invariants that concurrent writers could break: one participation per
-- (run, user), one bid per (run, user, product), one leader per run.

CREATE TABLE runs (
    id               uuid        PRIMARY KEY DEFAULT gen_random_uuid(),
    group_id         uuid        NOT NULL REFERENCES groups (id),
    store_id         uuid        NOT NULL REFERENCES stores (id),
    state            text        NOT NULL DEFAULT 'planning' CHECK (state IN
                         ('planning', 'active', 'confirmed', 'shopping', 'adjusting',
                          'distributing', 'completed', 'cancelled')),
    comment          text        NOT NULL DEFAULT '' CHECK (char_length(comment) <= 500),
    planned_on       date,
    cancel_reason    text        NOT NULL DEFAULT '' CHECK (char_length(cancel_reason) <= 500),
    -- Set when the run was cancelled because its leader left or was removed from the group.
    leader_left      boolean     NOT NULL DEFAULT false,
    -- When the run entered each state (the last time, for states it can re-enter).
    planning_at      timestamptz NOT NULL DEFAULT now(),
    active_at        timestamptz,
    confirmed_at     timestamptz,
    shopping_at      timestamptz,
    adjusting_at     timestamptz,
    distributing_at  timestamptz,
    completed_at     timestamptz,
    cancelled_at     timestamptz,
    created_at       timestamptz NOT NULL DEFAULT now(),
    updated_at       timestamptz NOT NULL DEFAULT now()
);

CREATE INDEX runs_group_state_idx ON runs (group_id, state, created_at DESC);
CREATE INDEX runs_store_idx ON runs (store_id);

CREATE TRIGGER runs_set_updated_at BEFORE UPDATE ON runs
    FOR EACH ROW EXECUTE FUNCTION set_updated_at();

CREATE TABLE run_participants (
    run_id      uuid        NOT NULL REFERENCES runs (id),
    user_id     uuid        NOT NULL REFERENCES users (id),
    is_leader   boolean     NOT NULL DEFAULT false,
    is_helper   boolean     NOT NULL DEFAULT false,
    is_ready    boolean     NOT NULL DEFAULT false,
    -- Set when the person left or was removed from the group; the row stays for the record.
    removed_at  timestamptz,
    created_at  timestamptz NOT NULL DEFAULT now(),
    updated_at  timestamptz NOT NULL DEFAULT now(),
    PRIMARY KEY (run_id, user_id)
);

CREATE UNIQUE INDEX run_participants_one_leader_idx ON run_participants (run_id) WHERE is_leader;
CREATE INDEX run_participants_user_idx ON run_participants (user_id);

CREATE TRIGGER run_participants_set_updated_at BEFORE UPDATE ON run_participants
    FOR EACH ROW EXECUTE FUNCTION set_updated_at();

CREATE TABLE bids (
    run_id           uuid         NOT NULL,
    user_id          uuid         NOT NULL,
    product_id       uuid         NOT NULL REFERENCES products (id),
    -- Exact, in the product's unit; "interested only" bids carry no quantity.
    quantity         numeric(7,3) NOT NULL,
    interested_only  boolean      NOT NULL DEFAULT false,
    comment          text         NOT NULL DEFAULT '' CHECK (char_length(comment) <= 500),
    created_at       timestamptz  NOT NULL DEFAULT now(),
    updated_at       timestamptz  NOT NULL DEFAULT now(),
    PRIMARY KEY (run_id, product_id, user_id),
    FOREIGN KEY (run_id, user_id) REFERENCES run_participants (run_id, user_id),
    CHECK ((interested_only AND quantity = 0)
        OR (NOT interested_only AND quantity > 0 AND quantity <= 9999))
);

CREATE INDEX bids_run_user_idx ON bids (run_id, user_id);
CREATE INDEX bids_product_idx ON bids (product_id);

CREATE TRIGGER bids_set_updated_at BEFORE UPDATE ON bids
    FOR EACH ROW EXECUTE FUNCTION set_updated_at();

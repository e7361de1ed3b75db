-- A leader asks a participant to take the run over; the participant accepts or declines.
-- At most one request per run is pending; requests die when the run ends or its leader changes.

CREATE TABLE leader_transfers (
    id            uuid        PRIMARY KEY DEFAULT gen_random_uuid(),
    run_id        uuid        NOT NULL REFERENCES runs (id),
    from_user_id  uuid        NOT NULL REFERENCES users (id),
    to_user_id    uuid        NOT NULL REFERENCES users (id),
    status        text        NOT NULL DEFAULT 'pending'
                      CHECK (status IN ('pending', 'accepted', 'declined', 'cancelled')),
    resolved_at   timestamptz,
    created_at    timestamptz NOT NULL DEFAULT now(),
    updated_at    timestamptz NOT NULL DEFAULT now(),
    CHECK (from_user_id <> to_user_id)
);

CREATE UNIQUE INDEX leader_transfers_one_pending_idx ON leader_transfers (run_id) WHERE status = 'pending';
CREATE INDEX leader_transfers_to_user_idx ON leader_transfers (to_user_id, status);

CREATE TRIGGER leader_transfers_set_updated_at BEFORE UPDATE ON leader_transfers
    FOR EACH ROW EXECUTE FUNCTION set_updated_at();

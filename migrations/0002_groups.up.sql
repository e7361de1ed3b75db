-- Friend groups and who is in them. Groups are archived, never deleted with their history.

CREATE TABLE groups (
    id                uuid        PRIMARY KEY DEFAULT gen_random_uuid(),
    name              text        NOT NULL CHECK (char_length(name) BETWEEN 2 AND 100),
    -- ISO 4217 code; amounts of the group's runs are in this currency.
    currency          text        NOT NULL CHECK (currency ~ '^[A-Z]{3}$'),
    created_by        uuid        NOT NULL REFERENCES users (id),
    invite_token      text        NOT NULL,
    joining_allowed   boolean     NOT NULL DEFAULT true,
    archived_at       timestamptz,
    created_at        timestamptz NOT NULL DEFAULT now(),
    updated_at        timestamptz NOT NULL DEFAULT now()
);

CREATE UNIQUE INDEX groups_invite_token_key ON groups (invite_token);
CREATE INDEX groups_created_by_idx ON groups (created_by);

CREATE TRIGGER groups_set_updated_at BEFORE UPDATE ON groups
    FOR EACH ROW EXECUTE FUNCTION set_updated_at();

CREATE TABLE group_members (
    group_id    uuid        NOT NULL REFERENCES groups (id),
    user_id     uuid        NOT NULL REFERENCES users (id),
    is_admin    boolean     NOT NULL DEFAULT false,
    created_at  timestamptz NOT NULL DEFAULT now(),
    updated_at  timestamptz NOT NULL DEFAULT now(),
    PRIMARY KEY (group_id, user_id)
);

CREATE INDEX group_members_user_id_idx ON group_members (user_id);

CREATE TRIGGER group_members_set_updated_at BEFORE UPDATE ON group_members
    FOR EACH ROW EXECUTE FUNCTION set_updated_at();

-- What a user is told happened to them. Minimal until live updates arrive.
CREATE TABLE notifications (
    id          uuid        PRIMARY KEY DEFAULT gen_random_uuid(),
    user_id     uuid        NOT NULL REFERENCES users (id),
    kind        text        NOT NULL,
    payload     jsonb       NOT NULL DEFAULT '{}'::jsonb,
    read_at     timestamptz,
    created_at  timestamptz NOT NULL DEFAULT now(),
    updated_at  timestamptz NOT NULL DEFAULT now()
);

CREATE INDEX notifications_user_id_created_at_idx ON notifications (user_id, created_at DESC);

CREATE TRIGGER notifications_set_updated_at BEFORE UPDATE ON notifications
    FOR EACH ROW EXECUTE FUNCTION set_updated_at();

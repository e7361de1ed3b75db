-- Site administration: a verified mark on accounts, the site's settings, one-time password-reset
-- links and the audit trail.

-- A deleted account stays as an anonymous "former member" so runs' history and money stay
-- exact; `deleted_at` says it can never log in or be enabled again.
ALTER TABLE users
    ADD COLUMN verified boolean NOT NULL DEFAULT false,
    ADD COLUMN deleted_at timestamptz;

-- Catalogue care: a verified mark, and where a merged duplicate went (it stays, archived, so its
-- old links lead to the survivor).
ALTER TABLE products
    ADD COLUMN verified boolean NOT NULL DEFAULT false,
    ADD COLUMN merged_into uuid REFERENCES products (id);
ALTER TABLE stores
    ADD COLUMN verified boolean NOT NULL DEFAULT false,
    ADD COLUMN merged_into uuid REFERENCES stores (id);

-- One row: the settings an admin changes at run time.
CREATE TABLE site_settings (
    id           boolean     PRIMARY KEY DEFAULT true CHECK (id),
    registration text        NOT NULL DEFAULT 'open'
                 CHECK (registration IN ('open', 'invite_only', 'closed')),
    updated_at   timestamptz NOT NULL DEFAULT now()
);
INSERT INTO site_settings DEFAULT VALUES;

CREATE TRIGGER site_settings_set_updated_at BEFORE UPDATE ON site_settings
    FOR EACH ROW EXECUTE FUNCTION set_updated_at();

-- Only the SHA-256 of a link's token is kept: a database dump cannot be used to reset anyone.
CREATE TABLE password_resets (
    token_hash bytea       PRIMARY KEY CHECK (octet_length(token_hash) = 32),
    user_id    uuid        NOT NULL REFERENCES users (id) ON DELETE CASCADE,
    created_by uuid        REFERENCES users (id) ON DELETE SET NULL,
    created_at timestamptz NOT NULL DEFAULT now(),
    expires_at timestamptz NOT NULL,
    used_at    timestamptz
);
CREATE INDEX password_resets_user ON password_resets (user_id);

-- Who did what to whom, written in the transaction of the change it records. Names are copied
-- at the time, so an entry still reads right after an account is renamed, merged or deleted.
CREATE TABLE audit_log (
    id           bigint      GENERATED ALWAYS AS IDENTITY PRIMARY KEY,
    at           timestamptz NOT NULL DEFAULT now(),
    actor_id     uuid        REFERENCES users (id) ON DELETE SET NULL,
    actor_name   text        CHECK (char_length(actor_name) <= 100),
    action       text        NOT NULL CHECK (action ~ '^[A-Z_]{3,64}$'),
    target_id    uuid,
    target_name  text        CHECK (char_length(target_name) <= 200),
    detail       text        CHECK (char_length(detail) <= 200),
    request_id   text        CHECK (char_length(request_id) <= 64),
    client_addr  inet
);
CREATE INDEX audit_log_recent ON audit_log (at DESC, id DESC);
CREATE INDEX audit_log_by_actor ON audit_log (actor_id, id DESC);
CREATE INDEX audit_log_by_target ON audit_log (target_id, id DESC);
CREATE INDEX audit_log_by_action ON audit_log (action, id DESC);

-- The admin's account search ignores case and accents, like every other search.
CREATE INDEX users_search_idx ON users USING gin (bulq_fold(username || ' ' || display_name) gin_trgm_ops);

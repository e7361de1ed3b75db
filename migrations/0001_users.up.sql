-- Accounts. Usernames are stored in lower case, so the plain unique index is case-insensitive.

CREATE FUNCTION set_updated_at() RETURNS trigger
LANGUAGE plpgsql AS $$
BEGIN
    NEW.updated_at := now();
    RETURN NEW;
END;
$$;

CREATE TABLE users (
    id                 uuid        PRIMARY KEY DEFAULT gen_random_uuid(),
    username           text        NOT NULL
                       CHECK (username = lower(username) AND char_length(username) BETWEEN 3 AND 50),
    display_name       text        NOT NULL CHECK (char_length(display_name) BETWEEN 1 AND 100),
    password_hash      text        NOT NULL,
    is_admin           boolean     NOT NULL DEFAULT false,
    -- NULL follows the browser's language.
    language           text        CHECK (char_length(language) BETWEEN 2 AND 8),
    -- Sessions remember the generation they were made in; bumping it ends them all.
    session_generation integer     NOT NULL DEFAULT 0,
    disabled_at        timestamptz,
    created_at         timestamptz NOT NULL DEFAULT now(),
    updated_at         timestamptz NOT NULL DEFAULT now()
);

CREATE UNIQUE INDEX users_username_key ON users (username);

CREATE TRIGGER users_set_updated_at BEFORE UPDATE ON users
    FOR EACH ROW EXECUTE FUNCTION set_updated_at();

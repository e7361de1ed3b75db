-- Each log-in, so a person can see where they are logged in ("your devices") and log out
-- everywhere else. The session itself lives in Redis; this row names it for its owner. A login
-- counts while its generation is the user's (a password change or "log out everywhere else"
-- bumps it) and it has not ended; rows past the absolute lifetime are cleared at the next log-in.
CREATE TABLE logins (
    id            uuid        PRIMARY KEY DEFAULT gen_random_uuid(),
    user_id       uuid        NOT NULL REFERENCES users (id) ON DELETE CASCADE,
    generation    integer     NOT NULL,
    -- The browser's User-Agent, cut short: enough to say "Firefox on Android".
    device        text        NOT NULL DEFAULT '' CHECK (char_length(device) <= 200),
    created_at    timestamptz NOT NULL DEFAULT now(),
    last_seen_at  timestamptz NOT NULL DEFAULT now(),
    ended_at      timestamptz
);

CREATE INDEX logins_user_idx ON logins (user_id, last_seen_at DESC);

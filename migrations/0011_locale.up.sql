-- The viewer's time zone (an IANA name such as Europe/Belgrade): times are shown in it.
ALTER TABLE users
    ADD COLUMN time_zone text NOT NULL DEFAULT 'UTC'
        CHECK (char_length(time_zone) BETWEEN 1 AND 64);

-- Languages are BCP 47 tags with a script where it matters (sr-Cyrl, sr-Latn).
ALTER TABLE users DROP CONSTRAINT users_language_check;
ALTER TABLE users ADD CONSTRAINT users_language_check
    CHECK (language IN ('en', 'ru', 'sr-Cyrl', 'sr-Latn'));

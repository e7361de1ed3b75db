ALTER TABLE users DROP CONSTRAINT users_language_check;
ALTER TABLE users ADD CONSTRAINT users_language_check
    CHECK (char_length(language) BETWEEN 2 AND 8);
ALTER TABLE users DROP COLUMN time_zone;

-- The colour theme a person chose; 'system' follows their device.
ALTER TABLE users
    ADD COLUMN theme text NOT NULL DEFAULT 'system'
        CHECK (theme IN ('system', 'light', 'dark'));

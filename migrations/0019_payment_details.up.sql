-- How a person likes to be paid back: an IBAN with the account holder's name, and/or a note
-- (a payment link, "cash is fine"). Shown to the members of their groups who owe them.
ALTER TABLE users
    ADD COLUMN payment_iban text NOT NULL DEFAULT '' CHECK (payment_iban ~ '^([A-Z]{2}[0-9]{2}[A-Z0-9]{11,30})?$'),
    ADD COLUMN payment_name text NOT NULL DEFAULT '' CHECK (char_length(payment_name) <= 70),
    ADD COLUMN payment_note text NOT NULL DEFAULT '' CHECK (char_length(payment_note) <= 200);

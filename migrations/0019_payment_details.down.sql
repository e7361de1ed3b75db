ALTER TABLE users
    DROP COLUMN IF EXISTS payment_note,
    DROP COLUMN IF EXISTS payment_name,
    DROP COLUMN IF EXISTS payment_iban;

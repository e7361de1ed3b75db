-- Product families: a family ("Rice") groups concrete variants (basmati 5 kg, jasmine 10 kg).
-- A family is a product row of its own, so people bid on "any rice" as on any product; it has
-- no price or pack of its own. Whether a product is a family is fixed when it is added.
ALTER TABLE products
    ADD COLUMN is_family boolean NOT NULL DEFAULT false,
    ADD COLUMN family_id uuid REFERENCES products (id),
    ADD CONSTRAINT products_family_not_nested CHECK (NOT (is_family AND family_id IS NOT NULL));

CREATE INDEX products_family_idx ON products (family_id) WHERE family_id IS NOT NULL;

-- A bid on a family moves to the variant the shopper picked; this keeps what was asked for.
ALTER TABLE bids ADD COLUMN from_family uuid REFERENCES products (id);

CREATE INDEX bids_from_family_idx ON bids (from_family) WHERE from_family IS NOT NULL;

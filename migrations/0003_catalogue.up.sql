-- The shared catalogue: stores, products and the prices members saw. Price history is append-only.

CREATE TABLE stores (
    id            uuid        PRIMARY KEY DEFAULT gen_random_uuid(),
    name          text        NOT NULL CHECK (char_length(name) BETWEEN 1 AND 200),
    address       text        NOT NULL DEFAULT '' CHECK (char_length(address) <= 300),
    opening_hours text        NOT NULL DEFAULT '' CHECK (char_length(opening_hours) <= 300),
    notes         text        NOT NULL DEFAULT '' CHECK (char_length(notes) <= 1000),
    created_by    uuid        NOT NULL REFERENCES users (id),
    archived_at   timestamptz,
    created_at    timestamptz NOT NULL DEFAULT now(),
    updated_at    timestamptz NOT NULL DEFAULT now()
);

CREATE INDEX stores_created_by_idx ON stores (created_by);
CREATE INDEX stores_name_idx ON stores (lower(name));

CREATE TRIGGER stores_set_updated_at BEFORE UPDATE ON stores
    FOR EACH ROW EXECUTE FUNCTION set_updated_at();

CREATE TABLE products (
    id            uuid        PRIMARY KEY DEFAULT gen_random_uuid(),
    name          text        NOT NULL CHECK (char_length(name) BETWEEN 1 AND 200),
    brand         text        NOT NULL DEFAULT '' CHECK (char_length(brand) <= 100),
    unit          text        NOT NULL DEFAULT '' CHECK (char_length(unit) <= 20),
    created_by    uuid        NOT NULL REFERENCES users (id),
    archived_at   timestamptz,
    created_at    timestamptz NOT NULL DEFAULT now(),
    updated_at    timestamptz NOT NULL DEFAULT now()
);

CREATE INDEX products_created_by_idx ON products (created_by);
CREATE INDEX products_name_idx ON products (lower(name));

CREATE TRIGGER products_set_updated_at BEFORE UPDATE ON products
    FOR EACH ROW EXECUTE FUNCTION set_updated_at();

CREATE TABLE price_observations (
    id            uuid        PRIMARY KEY DEFAULT gen_random_uuid(),
    product_id    uuid        NOT NULL REFERENCES products (id),
    store_id      uuid        NOT NULL REFERENCES stores (id),
    -- Exact: the amount in the currency's minor unit (cents).
    amount_minor  bigint      NOT NULL CHECK (amount_minor > 0),
    currency      text        NOT NULL CHECK (currency ~ '^[A-Z]{3}$'),
    note          text        NOT NULL DEFAULT '' CHECK (char_length(note) <= 200),
    observed_by   uuid        NOT NULL REFERENCES users (id),
    observed_at   timestamptz NOT NULL DEFAULT now(),
    created_at    timestamptz NOT NULL DEFAULT now(),
    updated_at    timestamptz NOT NULL DEFAULT now()
);

-- The hot queries: a product's history and its newest price per store; a store's products.
CREATE INDEX price_observations_product_time_idx ON price_observations (product_id, store_id, observed_at DESC);
CREATE INDEX price_observations_store_idx ON price_observations (store_id, product_id);
CREATE INDEX price_observations_observed_by_idx ON price_observations (observed_by);

CREATE TRIGGER price_observations_set_updated_at BEFORE UPDATE ON price_observations
    FOR EACH ROW EXECUTE FUNCTION set_updated_at();

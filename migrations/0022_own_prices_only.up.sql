-- A group may estimate its runs' costs only with prices its own members saw, leaving out what
-- people of other groups recorded at the same store.
ALTER TABLE groups ADD COLUMN own_prices_only boolean NOT NULL DEFAULT false;

-- The relays poll the outbox instead of being woken by NOTIFY: a transaction that notifies holds
-- one database-wide lock from just before its commit until after it, so every bid committed
-- one after another (with its WAL flush) and concurrent bids could not share a flush.
DROP TRIGGER event_outbox_wake ON event_outbox;
DROP FUNCTION event_outbox_wake();

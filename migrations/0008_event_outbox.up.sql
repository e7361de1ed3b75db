-- Live events, recorded by the services in the transaction of the change they describe (a
-- rolled-back change records nothing), then handed to Redis pub/sub by a relay in each app
-- instance, which deletes what it published. The trigger wakes the relays at commit.

CREATE TABLE event_outbox (
    id          bigserial   PRIMARY KEY,
    group_id    uuid        NOT NULL,
    -- Null for events of the group itself (members joining or leaving).
    run_id      uuid,
    event       jsonb       NOT NULL,
    created_at  timestamptz NOT NULL DEFAULT now()
);

CREATE FUNCTION event_outbox_wake() RETURNS trigger
    LANGUAGE plpgsql AS $$
BEGIN
    PERFORM pg_notify('bulq_events', '');
    RETURN NULL;
END;
$$;

CREATE TRIGGER event_outbox_wake AFTER INSERT ON event_outbox
    FOR EACH STATEMENT EXECUTE FUNCTION event_outbox_wake();

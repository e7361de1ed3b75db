CREATE FUNCTION event_outbox_wake() RETURNS trigger
    LANGUAGE plpgsql AS $$
BEGIN
    PERFORM pg_notify('bulq_events', '');
    RETURN NULL;
END;
$$;

CREATE TRIGGER event_outbox_wake AFTER INSERT ON event_outbox
    FOR EACH STATEMENT EXECUTE FUNCTION event_outbox_wake();

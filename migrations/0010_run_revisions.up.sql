-- How many times each run changed: every live event recorded about a run counts one, in the
-- transaction of the change. The run page caches a run's data per revision (the sum over a run's
-- rows). The count is spread over a few rows per run, picked by the writing connection, so
-- friends bidding at once do not queue behind one row until their commits.
CREATE TABLE run_revisions (
    run_id   uuid     NOT NULL REFERENCES runs (id) ON DELETE CASCADE,
    shard    smallint NOT NULL,
    changes  bigint   NOT NULL,
    PRIMARY KEY (run_id, shard)
);

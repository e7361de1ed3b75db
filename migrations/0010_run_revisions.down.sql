DROP TABLE run_revisions;

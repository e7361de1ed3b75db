DROP TABLE bids;
DROP TABLE run_participants;
DROP TABLE runs;

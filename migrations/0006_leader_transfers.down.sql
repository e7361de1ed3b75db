DROP TABLE leader_transfers;

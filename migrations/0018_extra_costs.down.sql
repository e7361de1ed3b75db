DROP TABLE IF EXISTS run_extra_costs;

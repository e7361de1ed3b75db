DROP TABLE IF EXISTS api_idempotency;
DROP TABLE IF EXISTS api_tokens;

DROP INDEX IF EXISTS audit_log_login_failures;

-- Log-in pacing counts the recent failed log-ins of a username (known or not) from the audit
-- trail, where the name tried is the entry's detail.
CREATE INDEX IF NOT EXISTS audit_log_login_failures ON audit_log (detail, at)
    WHERE action = 'LOGIN_FAILED';

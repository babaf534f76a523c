-- Kerma web users, their sessions and API tokens, and the audit log, SQLite dialect.
-- Keep in step with ../postgresql/V5__users_and_audit.sql. Times are milliseconds since 1970-01-01T00:00Z.
-- password_hash is "pbkdf2-sha256$<iterations>$<salt, base64>$<hash, base64>"; a session or token is stored only
-- as the SHA-256 of its secret (hex), so a copy of the database does not let anyone sign in.

CREATE TABLE app_user (
    id            INTEGER PRIMARY KEY,
    name          TEXT NOT NULL UNIQUE,
    role          TEXT NOT NULL,
    password_hash TEXT NOT NULL,
    created_at    BIGINT NOT NULL
);

-- kind: SESSION (browser cookie, with its CSRF token) or TOKEN (REST bearer token).
CREATE TABLE user_session (
    id          INTEGER PRIMARY KEY,
    user_fk     INTEGER NOT NULL REFERENCES app_user (id) ON DELETE CASCADE,
    secret_hash TEXT NOT NULL UNIQUE,
    kind        TEXT NOT NULL,
    csrf_token  TEXT,
    created_at  BIGINT NOT NULL,
    expires_at  BIGINT NOT NULL
);
CREATE INDEX user_session_user_ix ON user_session (user_fk);

-- Who did what: sign-ins (and failed ones), sign-outs, tokens issued, users changed, exports.
CREATE TABLE audit_log (
    id        INTEGER PRIMARY KEY,
    at        BIGINT NOT NULL,
    user_name TEXT,
    action    TEXT NOT NULL,
    detail    TEXT,
    remote    TEXT
);
CREATE INDEX audit_log_at_ix ON audit_log (at);

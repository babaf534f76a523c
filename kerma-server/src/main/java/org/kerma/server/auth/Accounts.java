package org.kerma.server.auth;

import java.sql.Connection;
import java.sql.PreparedStatement;
import java.sql.ResultSet;
import java.sql.SQLException;
import java.time.Clock;
import java.time.Duration;
import java.util.ArrayList;
import java.util.List;
import java.util.Optional;
import org.kerma.registry.index.IndexDatabase;

/**
 * The users of the web dashboard and REST API, their browser sessions and bearer tokens, and the audit log, in the
 * index database (tables {@code app_user}, {@code user_session}, {@code audit_log}). Passwords are kept as
 * {@link PasswordHash}es; sessions and tokens only as the SHA-256 of their secret. Thread-safe.
 */
public final class Accounts {
    /** How long a browser session lasts after sign-in. */
    public static final Duration SESSION_LIFETIME = Duration.ofHours(12);
    /** How long a bearer token lasts unless asked otherwise. */
    public static final Duration TOKEN_LIFETIME = Duration.ofDays(30);
    private static final int MIN_PASSWORD = 8;

    /** A user account. */
    public record User(String name, Role role, long createdAt) {
    }

    /** A new browser session: the cookie's secret and the CSRF token the pages send back on each change. */
    public record Session(String secret, String csrfToken, User user) {
    }

    /** Who a request's credentials belong to; {@code csrfToken} is null for a bearer token. */
    public record Principal(User user, String csrfToken) {
        public boolean viaCookie() {
            return csrfToken != null;
        }
    }

    /** One line of the audit log. */
    public record AuditEntry(long at, String userName, String action, String detail, String remote) {
    }

    private final IndexDatabase index;
    private final Clock clock;

    public Accounts(IndexDatabase index) {
        this(index, Clock.systemUTC());
    }

    Accounts(IndexDatabase index, Clock clock) {
        this.index = index;
        this.clock = clock;
    }

    /**
     * Adds a user.
     *
     * @throws IllegalArgumentException when the name is taken or malformed, or the password shorter than 8
     */
    public User add(String name, Role role, char[] password) {
        String n = checkedName(name);
        if (password.length < MIN_PASSWORD) {
            throw new IllegalArgumentException("the password of " + n + " must have at least " + MIN_PASSWORD
                    + " characters");
        }
        String hash = PasswordHash.hash(password);
        long now = clock.millis();
        boolean added = index.inTransaction("add user " + n, c -> {
            if (userId(c, n) != null) {
                return false;
            }
            try (PreparedStatement ps = c.prepareStatement(
                    "INSERT INTO app_user (name, role, password_hash, created_at) VALUES (?, ?, ?, ?)")) {
                ps.setString(1, n);
                ps.setString(2, role.name());
                ps.setString(3, hash);
                ps.setLong(4, now);
                ps.executeUpdate();
            }
            return true;
        });
        if (!added) {
            throw new IllegalArgumentException("a user named " + n + " already exists");
        }
        return new User(n, role, now);
    }

    private static String checkedName(String name) {
        String n = name == null ? "" : name.trim();
        if (!n.matches("[\\p{L}\\p{N}._@-]{1,64}")) {
            throw new IllegalArgumentException("a user name is 1 to 64 letters, digits or . _ @ -, was '" + name
                    + "'");
        }
        return n;
    }

    /** Every user, by name. */
    public List<User> users() {
        return index.read("list users", c -> {
            List<User> list = new ArrayList<>();
            try (PreparedStatement ps = c.prepareStatement(
                    "SELECT name, role, created_at FROM app_user ORDER BY name");
                 ResultSet rs = ps.executeQuery()) {
                while (rs.next()) {
                    list.add(new User(rs.getString(1), Role.valueOf(rs.getString(2)), rs.getLong(3)));
                }
            }
            return list;
        });
    }

    /** How many users there are (none: the first admin has yet to be created). */
    public long userCount() {
        return index.read("count users", c -> {
            try (PreparedStatement ps = c.prepareStatement("SELECT count(*) FROM app_user");
                 ResultSet rs = ps.executeQuery()) {
                rs.next();
                return rs.getLong(1);
            }
        });
    }

    public Optional<User> user(String name) {
        return users().stream().filter(u -> u.name().equals(name)).findFirst();
    }

    /** Changes a user's role; false when there is no such user. */
    public boolean setRole(String name, Role role) {
        return index.inTransaction("change role of " + name, c -> {
            try (PreparedStatement ps = c.prepareStatement("UPDATE app_user SET role = ? WHERE name = ?")) {
                ps.setString(1, role.name());
                ps.setString(2, name);
                return ps.executeUpdate() == 1;
            }
        });
    }

    /** Sets a new password and ends the user's sessions and tokens; false when there is no such user. */
    public boolean setPassword(String name, char[] password) {
        if (password.length < MIN_PASSWORD) {
            throw new IllegalArgumentException("the password of " + name + " must have at least " + MIN_PASSWORD
                    + " characters");
        }
        String hash = PasswordHash.hash(password);
        return index.inTransaction("change password of " + name, c -> {
            Long id = userId(c, name);
            if (id == null) {
                return false;
            }
            try (PreparedStatement ps = c.prepareStatement("UPDATE app_user SET password_hash = ? WHERE id = ?")) {
                ps.setString(1, hash);
                ps.setLong(2, id);
                ps.executeUpdate();
            }
            deleteSessions(c, id);
            return true;
        });
    }

    /** Removes a user with their sessions and tokens; false when there is no such user. */
    public boolean remove(String name) {
        return index.inTransaction("remove user " + name, c -> {
            Long id = userId(c, name);
            if (id == null) {
                return false;
            }
            deleteSessions(c, id);
            try (PreparedStatement ps = c.prepareStatement("DELETE FROM app_user WHERE id = ?")) {
                ps.setLong(1, id);
                ps.executeUpdate();
            }
            return true;
        });
    }

    /** The user whose name and password these are; empty when either is wrong. */
    public Optional<User> authenticate(String name, char[] password) {
        record Stored(User user, String hash) {
        }
        Optional<Stored> stored = index.read("find user " + name, c -> {
            try (PreparedStatement ps = c.prepareStatement(
                    "SELECT name, role, created_at, password_hash FROM app_user WHERE name = ?")) {
                ps.setString(1, name == null ? "" : name.trim());
                try (ResultSet rs = ps.executeQuery()) {
                    return rs.next() ? Optional.of(new Stored(new User(rs.getString(1),
                            Role.valueOf(rs.getString(2)), rs.getLong(3)), rs.getString(4))) : Optional.empty();
                }
            }
        });
        if (stored.isEmpty()) {
            PasswordHash.hash(password); // the same work as for a known name: no timing hint that it is unknown
            return Optional.empty();
        }
        return PasswordHash.matches(password, stored.get().hash()) ? Optional.of(stored.get().user())
                : Optional.empty();
    }

    /** Opens a browser session for {@code user}, valid for {@link #SESSION_LIFETIME}. */
    public Session openSession(User user) {
        String secret = PasswordHash.randomSecret();
        String csrf = PasswordHash.randomSecret();
        store(user, secret, "SESSION", csrf, SESSION_LIFETIME);
        return new Session(secret, csrf, user);
    }

    /** Issues a bearer token for {@code user}, valid for {@code lifetime}; only its hash is kept. */
    public String issueToken(User user, Duration lifetime) {
        String secret = PasswordHash.randomSecret();
        store(user, secret, "TOKEN", null, lifetime);
        return secret;
    }

    private void store(User user, String secret, String kind, String csrf, Duration lifetime) {
        long now = clock.millis();
        index.inTransaction("open a session of " + user.name(), c -> {
            Long id = userId(c, user.name());
            if (id == null) {
                throw new IllegalArgumentException("no user named " + user.name());
            }
            try (PreparedStatement ps = c.prepareStatement("DELETE FROM user_session WHERE expires_at < ?")) {
                ps.setLong(1, now);
                ps.executeUpdate();
            }
            try (PreparedStatement ps = c.prepareStatement("INSERT INTO user_session (user_fk, secret_hash, kind,"
                    + " csrf_token, created_at, expires_at) VALUES (?, ?, ?, ?, ?, ?)")) {
                ps.setLong(1, id);
                ps.setString(2, PasswordHash.sha256(secret));
                ps.setString(3, kind);
                ps.setString(4, csrf);
                ps.setLong(5, now);
                ps.setLong(6, now + lifetime.toMillis());
                ps.executeUpdate();
            }
            return null;
        });
    }

    /** Whose session cookie ({@code bearer} false) or bearer token ({@code bearer} true) this is, if still valid. */
    public Optional<Principal> principal(String secret, boolean bearer) {
        if (secret == null || secret.isBlank()) {
            return Optional.empty();
        }
        long now = clock.millis();
        return index.read("find a session", c -> {
            try (PreparedStatement ps = c.prepareStatement("""
                    SELECT u.name, u.role, u.created_at, s.csrf_token FROM user_session s
                    JOIN app_user u ON u.id = s.user_fk
                    WHERE s.secret_hash = ? AND s.kind = ? AND s.expires_at > ?""")) {
                ps.setString(1, PasswordHash.sha256(secret.trim()));
                ps.setString(2, bearer ? "TOKEN" : "SESSION");
                ps.setLong(3, now);
                try (ResultSet rs = ps.executeQuery()) {
                    return rs.next() ? Optional.of(new Principal(new User(rs.getString(1),
                            Role.valueOf(rs.getString(2)), rs.getLong(3)), rs.getString(4))) : Optional.empty();
                }
            }
        });
    }

    /** Ends the session or token with this secret. */
    public void close(String secret) {
        index.inTransaction("end a session", c -> {
            try (PreparedStatement ps = c.prepareStatement("DELETE FROM user_session WHERE secret_hash = ?")) {
                ps.setString(1, PasswordHash.sha256(secret));
                ps.executeUpdate();
            }
            return null;
        });
    }

    /** Records an action in the audit log. */
    public void audit(String userName, String action, String detail, String remote) {
        long now = clock.millis();
        index.inTransaction("write the audit log", c -> {
            try (PreparedStatement ps = c.prepareStatement(
                    "INSERT INTO audit_log (at, user_name, action, detail, remote) VALUES (?, ?, ?, ?, ?)")) {
                ps.setLong(1, now);
                ps.setString(2, userName);
                ps.setString(3, action);
                ps.setString(4, detail);
                ps.setString(5, remote);
                ps.executeUpdate();
            }
            return null;
        });
    }

    /** The newest {@code limit} audit entries, newest first. */
    public List<AuditEntry> auditLog(int limit) {
        return index.read("read the audit log", c -> {
            List<AuditEntry> list = new ArrayList<>();
            try (PreparedStatement ps = c.prepareStatement(
                    "SELECT at, user_name, action, detail, remote FROM audit_log ORDER BY id DESC LIMIT ?")) {
                ps.setInt(1, limit);
                try (ResultSet rs = ps.executeQuery()) {
                    while (rs.next()) {
                        list.add(new AuditEntry(rs.getLong(1), rs.getString(2), rs.getString(3), rs.getString(4),
                                rs.getString(5)));
                    }
                }
            }
            return list;
        });
    }

    private static Long userId(Connection c, String name) throws SQLException {
        try (PreparedStatement ps = c.prepareStatement("SELECT id FROM app_user WHERE name = ?")) {
            ps.setString(1, name);
            try (ResultSet rs = ps.executeQuery()) {
                return rs.next() ? rs.getLong(1) : null;
            }
        }
    }

    private static void deleteSessions(Connection c, long userId) throws SQLException {
        try (PreparedStatement ps = c.prepareStatement("DELETE FROM user_session WHERE user_fk = ?")) {
            ps.setLong(1, userId);
            ps.executeUpdate();
        }
    }
}

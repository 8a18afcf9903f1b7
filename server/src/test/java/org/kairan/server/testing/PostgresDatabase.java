package org.kairan.server.testing;

import java.sql.Connection;
import java.sql.DriverManager;
import java.sql.SQLException;

/**
 * A fresh, empty database in the test cluster started by {@link PostgresServer}; trust authentication,
 * so the password is empty.
 *
 * @param name     the database name
 * @param jdbcUrl  {@code jdbc:postgresql://127.0.0.1:PORT/NAME}
 * @param user     the superuser {@code postgres}
 * @param password always {@code ""} (trust authentication on loopback)
 */
public record PostgresDatabase(String name, String jdbcUrl, String user, String password) {

    /** A new connection (auto-commit on); the caller closes it. */
    public Connection connect() throws SQLException {
        return DriverManager.getConnection(jdbcUrl, user, password);
    }

    /** Empties the database (one per test class), so that the next server starts from the migrations. */
    public PostgresDatabase emptied() {
        try (Connection c = connect(); java.sql.Statement s = c.createStatement()) {
            s.execute("DROP SCHEMA public CASCADE");
            s.execute("CREATE SCHEMA public");
        } catch (SQLException e) {
            throw new IllegalStateException("cannot reset the test database", e);
        }
        return this;
    }
}

package org.kairan.server.storage;

import java.sql.Connection;
import java.sql.SQLException;
import java.util.ArrayList;
import java.util.List;
import java.util.Objects;
import java.util.Set;

import javax.sql.DataSource;

import org.flywaydb.core.Flyway;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;

import com.zaxxer.hikari.HikariConfig;
import com.zaxxer.hikari.HikariDataSource;

/**
 * The server's database (H2 or PostgreSQL) behind a connection pool. Callers get a connection only
 * inside {@link #inTransaction}: commit, rollback and closing are done here.
 */
public final class Database implements AutoCloseable {

    private static final Logger LOG = LoggerFactory.getLogger(Database.class);
    /** PostgreSQL serialization failure and deadlock: the transaction can safely run again. */
    private static final Set<String> RETRYABLE_STATES = Set.of("40001", "40P01");
    private static final int ATTEMPTS = 3;

    /** Which database engine is behind the URL. */
    public enum Kind {
        H2("h2"), POSTGRESQL("postgresql");

        private final String label;

        Kind(String label) {
            this.label = label;
        }

        public String label() {
            return label;
        }
    }

    private final HikariDataSource pool;
    private final Kind kind;
    /** Actions to run once the transaction running on this thread has committed. */
    private final ThreadLocal<List<Runnable>> afterCommit = new ThreadLocal<>();

    private Database(HikariDataSource pool, Kind kind) {
        this.pool = pool;
        this.kind = kind;
    }

    /** Opens the pool and brings the schema up to date with the migrations in {@code db/migration}. */
    public static Database open(String url, String user, String password) {
        Objects.requireNonNull(url, "url");
        Kind kind;
        if (url.startsWith("jdbc:h2:")) {
            kind = Kind.H2;
        } else if (url.startsWith("jdbc:postgresql:")) {
            kind = Kind.POSTGRESQL;
        } else {
            throw new IllegalArgumentException("unsupported database URL (H2 or PostgreSQL only): " + url);
        }
        HikariConfig config = new HikariConfig();
        config.setJdbcUrl(url);
        if (user != null) {
            config.setUsername(user);
        }
        if (password != null) {
            config.setPassword(password);
        }
        config.setAutoCommit(false);
        config.setMaximumPoolSize(kind == Kind.H2 ? 8 : 16);
        config.setMinimumIdle(2);
        config.setConnectionTimeout(10_000);
        config.setPoolName("kairan-db");
        config.setTransactionIsolation("TRANSACTION_READ_COMMITTED");
        HikariDataSource pool = new HikariDataSource(config);
        try {
            migrate(pool);
            return new Database(pool, kind);
        } catch (RuntimeException e) {
            pool.close();
            throw e;
        }
    }

    private static void migrate(DataSource dataSource) {
        var result = Flyway.configure(Database.class.getClassLoader())
                .dataSource(dataSource)
                .locations("classpath:db/migration")
                .validateMigrationNaming(true)
                .load()
                .migrate();
        if (result.migrationsExecuted > 0) {
            LOG.info("database schema migrated to version {} ({} migrations)", result.targetSchemaVersion,
                    result.migrationsExecuted);
        }
    }

    public Kind kind() {
        return kind;
    }

    /**
     * Runs the work in one transaction and commits it; any exception rolls everything back and is
     * passed on (SQL exceptions wrapped in {@link DatabaseException}). A PostgreSQL serialization
     * failure or deadlock is retried.
     */
    public <T> T inTransaction(TransactionWork<T> work) {
        List<Runnable> outer = afterCommit.get();
        try {
            return run(work);
        } finally {
            afterCommit.set(outer);
        }
    }

    /**
     * Runs the action after the transaction running on this thread commits (not at all when it rolls
     * back); outside a transaction at once. For signals to other threads, e.g. "the feed moved".
     */
    public void afterCommit(Runnable action) {
        List<Runnable> actions = afterCommit.get();
        if (actions == null) {
            action.run();
        } else {
            actions.add(action);
        }
    }

    private <T> T run(TransactionWork<T> work) {
        for (int attempt = 1;; attempt++) {
            try (Connection connection = pool.getConnection()) {
                List<Runnable> actions = new ArrayList<>();
                afterCommit.set(actions);
                try {
                    T result = work.run(connection);
                    connection.commit();
                    afterCommit.set(null);
                    for (Runnable action : actions) {
                        try {
                            action.run();
                        } catch (RuntimeException e) {
                            LOG.warn("an after-commit action failed: {}", e.toString());
                        }
                    }
                    return result;
                } catch (SQLException e) {
                    rollbackQuietly(connection, e);
                    if (attempt < ATTEMPTS && RETRYABLE_STATES.contains(e.getSQLState())) {
                        LOG.debug("transaction retried after {}", e.getSQLState());
                        continue;
                    }
                    throw new DatabaseException("database operation failed: " + e.getMessage(), e);
                } catch (RuntimeException | Error e) {
                    rollbackQuietly(connection, e);
                    throw e;
                }
            } catch (SQLException e) {
                throw new DatabaseException("no database connection: " + e.getMessage(), e);
            }
        }
    }

    private static void rollbackQuietly(Connection connection, Throwable cause) {
        try {
            connection.rollback();
        } catch (SQLException e) {
            cause.addSuppressed(e);
        }
    }

    /** Whether the database answers. */
    public boolean isReachable() {
        try (Connection connection = pool.getConnection()) {
            return connection.isValid(2);
        } catch (SQLException e) {
            return false;
        }
    }

    @Override
    public void close() {
        pool.close();
    }
}

package org.kairan.server.storage;

import java.sql.Connection;
import java.sql.SQLException;

/**
 * Work done inside one database transaction. The connection belongs to {@link Database}: use it,
 * never keep it.
 */
@FunctionalInterface
public interface TransactionWork<T> {
    T run(Connection connection) throws SQLException;
}

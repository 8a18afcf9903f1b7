package org.kairan.client.sync.internal;

import java.io.IOException;
import java.nio.file.DirectoryStream;
import java.nio.file.FileSystems;
import java.nio.file.Files;
import java.nio.file.Path;
import java.nio.file.attribute.PosixFilePermissions;
import java.sql.Connection;
import java.sql.SQLException;
import java.util.Properties;

/**
 * Opens the client's embedded H2 databases. {@code new org.h2.Driver().connect(...)} rather than a
 * DriverManager lookup, which does not see bundles' drivers in OSGi. Every commit reaches the file before
 * it returns ({@code WRITE_DELAY=0}): a desktop killed right after an action keeps the action.
 */
final class H2Files {

    private H2Files() {
    }

    /** The JDBC URL of the database {@code name} in {@code directory} (files {@code name.mv.db} …). */
    static String url(Path directory, String name) {
        return "jdbc:h2:file:" + directory.resolve(name).toAbsolutePath()
                + ";WRITE_DELAY=0;DB_CLOSE_ON_EXIT=FALSE";
    }

    static Connection open(Path directory, String name) throws SQLException {
        try {
            createOwnerOnly(directory);
        } catch (IOException e) {
            throw new SQLException("cannot create " + directory + ": " + e.getMessage(), e);
        }
        Connection connection = new org.h2.Driver().connect(url(directory, name), new Properties());
        if (connection == null) {
            throw new SQLException("the H2 driver did not accept " + url(directory, name));
        }
        return connection;
    }

    /**
     * Creates the directory (and missing parents) readable by the user only on POSIX systems: the replica
     * holds 回覧 and the queue holds the user's actions. (On Windows the profile's ACLs apply.)
     */
    static void createOwnerOnly(Path directory) throws IOException {
        if (Files.isDirectory(directory)) {
            return;
        }
        if (FileSystems.getDefault().supportedFileAttributeViews().contains("posix")) {
            Files.createDirectories(directory,
                    PosixFilePermissions.asFileAttribute(PosixFilePermissions.fromString("rwx------")));
        } else {
            Files.createDirectories(directory);
        }
    }

    /** Deletes the files of database {@code name} in {@code directory}. */
    static void delete(Path directory, String name) throws IOException {
        if (!Files.isDirectory(directory)) {
            return;
        }
        try (DirectoryStream<Path> files = Files.newDirectoryStream(directory, name + ".*")) {
            for (Path file : files) {
                Files.deleteIfExists(file);
            }
        }
    }

    /** Whether an H2 error means another process holds the database (not damage: do not delete it). */
    static boolean inUseElsewhere(SQLException e) {
        return e.getErrorCode() == org.h2.api.ErrorCode.DATABASE_ALREADY_OPEN_1;
    }
}

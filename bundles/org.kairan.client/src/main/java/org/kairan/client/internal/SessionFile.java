package org.kairan.client.internal;

import java.io.IOException;
import java.nio.file.AtomicMoveNotSupportedException;
import java.nio.file.FileSystems;
import java.nio.file.Files;
import java.nio.file.Path;
import java.nio.file.StandardCopyOption;
import java.nio.file.attribute.AclEntry;
import java.nio.file.attribute.AclEntryPermission;
import java.nio.file.attribute.AclEntryType;
import java.nio.file.attribute.AclFileAttributeView;
import java.nio.file.attribute.PosixFilePermission;
import java.nio.file.attribute.PosixFilePermissions;
import java.nio.file.attribute.UserPrincipal;
import java.time.Instant;
import java.util.EnumSet;
import java.util.List;
import java.util.Optional;
import java.util.Set;

import org.kairan.client.ServerAddress;
import org.kairan.client.Session;
import org.kairan.core.protocol.SessionUser;

/**
 * Keeps the session token in the workspace so that it survives a restart of the desktop. The file is
 * readable by its owner only (0600 on POSIX, an owner-only ACL on Windows) and replaced atomically.
 */
final class SessionFile {

    /** What is written; the token is a bearer credential. */
    record Stored(String server, String token, Instant expiresAt, SessionUser user, String zone) {
    }

    private static final Set<PosixFilePermission> OWNER_ONLY_FILE = PosixFilePermissions.fromString("rw-------");
    private static final Set<PosixFilePermission> OWNER_ONLY_DIR = PosixFilePermissions.fromString("rwx------");

    private final Path file;
    private final JsonCodec json;

    SessionFile(Path directory, JsonCodec json) {
        this.file = directory.resolve("session.json");
        this.json = json;
    }

    Path path() {
        return file;
    }

    Optional<Session> read() {
        if (!Files.isRegularFile(file)) {
            return Optional.empty();
        }
        try {
            Stored stored = json.read(Files.readAllBytes(file), Stored.class);
            if (stored.server() == null || stored.token() == null || stored.user() == null) {
                return Optional.empty();
            }
            return Optional.of(new Session(ServerAddress.parse(stored.server()), stored.token(), stored.expiresAt(),
                    stored.user(), Session.zoneOf(stored.zone())));
        } catch (IOException | IllegalArgumentException e) {
            delete(); // unreadable or from an incompatible version: log in again
            return Optional.empty();
        }
    }

    void write(Session session) throws IOException {
        Path dir = file.getParent();
        boolean posix = FileSystems.getDefault().supportedFileAttributeViews().contains("posix");
        if (!Files.isDirectory(dir)) {
            if (posix) {
                Files.createDirectories(dir, PosixFilePermissions.asFileAttribute(OWNER_ONLY_DIR));
            } else {
                Files.createDirectories(dir);
            }
        }
        byte[] bytes = json.write(new Stored(session.server().toString(), session.token(), session.expiresAt(),
                session.user(), session.zone().getId()));
        Path temp = posix
                ? Files.createTempFile(dir, "session", ".tmp", PosixFilePermissions.asFileAttribute(OWNER_ONLY_FILE))
                : Files.createTempFile(dir, "session", ".tmp");
        try {
            if (!posix) {
                restrictToOwner(temp);
            }
            Files.write(temp, bytes);
            try {
                Files.move(temp, file, StandardCopyOption.REPLACE_EXISTING, StandardCopyOption.ATOMIC_MOVE);
            } catch (AtomicMoveNotSupportedException e) {
                Files.move(temp, file, StandardCopyOption.REPLACE_EXISTING);
            }
        } finally {
            Files.deleteIfExists(temp);
        }
    }

    void delete() {
        try {
            Files.deleteIfExists(file);
        } catch (IOException e) {
            // nothing better to do: the token will be refused by the server once it expires
        }
    }

    private static void restrictToOwner(Path path) throws IOException {
        AclFileAttributeView acl = Files.getFileAttributeView(path, AclFileAttributeView.class);
        if (acl == null) {
            return;
        }
        UserPrincipal owner = Files.getOwner(path);
        AclEntry entry = AclEntry.newBuilder().setType(AclEntryType.ALLOW).setPrincipal(owner)
                .setPermissions(EnumSet.allOf(AclEntryPermission.class)).build();
        acl.setAcl(List.of(entry));
    }
}

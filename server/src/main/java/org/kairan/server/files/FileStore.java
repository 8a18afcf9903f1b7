package org.kairan.server.files;

import java.io.IOException;
import java.io.InputStream;
import java.io.OutputStream;
import java.nio.file.AtomicMoveNotSupportedException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.nio.file.StandardCopyOption;
import java.security.DigestOutputStream;
import java.security.MessageDigest;
import java.security.NoSuchAlgorithmException;
import java.sql.Connection;
import java.sql.PreparedStatement;
import java.sql.ResultSet;
import java.sql.SQLException;
import java.time.Clock;
import java.time.OffsetDateTime;
import java.time.ZoneOffset;
import java.util.HexFormat;
import java.util.Optional;
import java.util.regex.Pattern;

import org.kairan.core.files.FileRefusal;
import org.kairan.core.files.StoredFile;
import org.kairan.server.storage.Database;

/**
 * Files kept by content: {@code <root>/ab/abcdef…} named by SHA-256, with a {@code stored_file} row each.
 * An upload is streamed to a temporary file while it is hashed and measured, looked at by the
 * {@link FileCheck}, moved into place, and only then recorded — so a row always has its file, a file
 * without a row (a crash in between) is harmless, and the same bytes are kept once. Files are never
 * changed or deleted here: what was approved stays provable.
 */
public final class FileStore {

    private static final Pattern SHA256 = Pattern.compile("[0-9a-f]{64}");
    private static final String UNKNOWN_TYPE = "application/octet-stream";

    private final Path root;
    private final long maxBytes;
    private final FileCheck check;
    private final Database database;
    private final Clock clock;

    public FileStore(Path root, long maxBytes, FileCheck check, Database database, Clock clock) {
        this.root = root;
        this.maxBytes = maxBytes;
        this.check = check;
        this.database = database;
        this.clock = clock;
    }

    public long maxBytes() {
        return maxBytes;
    }

    /**
     * Keeps an upload.
     *
     * @param in       the bytes; read to the end (or until the limit is passed)
     * @param name     the user's name for it
     * @param uploader 職員番号
     * @throws FileRefusedException when it is too large, empty or an unusable PDF; nothing is kept then
     */
    public StoredFile put(InputStream in, String name, String uploader) throws IOException {
        return put(in, name, uploader, check);
    }

    /**
     * Keeps an upload, looked at by another check than the store's own (the document library's).
     *
     * @throws FileRefusedException when it is too large or the check refuses it; nothing is kept then
     */
    public StoredFile put(InputStream in, String name, String uploader, FileCheck check) throws IOException {
        Path incoming = root.resolve("incoming");
        Files.createDirectories(incoming);
        Path temp = Files.createTempFile(incoming, "upload-", ".part");
        try {
            MessageDigest sha = sha256();
            long size;
            try (OutputStream out = new DigestOutputStream(Files.newOutputStream(temp), sha)) {
                size = copyAtMost(in, out, maxBytes);
            }
            if (size > maxBytes) {
                throw new FileRefusedException(FileRefusal.TOO_LARGE, "「" + name + "」は上限の" + megabytes(maxBytes)
                        + "を超えています (the file is larger than the limit of " + maxBytes + " bytes)");
            }
            if (size == 0 && !check.takesEmpty()) {
                throw new FileRefusedException(FileRefusal.EMPTY, "「" + name + "」は空（0バイト）のファイルです (the file is empty)");
            }
            FileCheck.Inspection inspection = check.inspect(temp, name);
            String hash = HexFormat.of().formatHex(sha.digest());
            Path target = path(hash);
            if (!Files.exists(target)) {
                Files.createDirectories(target.getParent());
                move(temp, target);
            }
            StoredFile stored = new StoredFile(hash, size, inspection.mediaType(), inspection.pages());
            database.inTransaction(c -> record(c, stored, uploader, inspection.attachmentRefusal()));
            return stored;
        } finally {
            Files.deleteIfExists(temp);
        }
    }

    /**
     * Keeps a file the server made itself (a PDF of record), within the caller's transaction: the file is
     * moved into the store.
     *
     * @param made   the file; gone afterwards
     * @param sha256 its hash, as the maker computed it
     */
    public StoredFile putOwn(Connection c, Path made, String sha256, String mediaType, int pages, String maker)
            throws SQLException, IOException {
        Path target = path(sha256);
        long size = Files.size(made);
        if (Files.exists(target)) {
            Files.delete(made);
        } else {
            Files.createDirectories(target.getParent());
            move(made, target);
        }
        StoredFile stored = new StoredFile(sha256, size, mediaType, pages);
        record(c, stored, maker, null);
        return stored;
    }

    /**
     * Keeps content the server made itself (a 議事録 PDF), within the caller's transaction; the same content is
     * kept once.
     */
    public StoredFile putMade(Connection c, byte[] content, String mediaType, int pages, String maker)
            throws SQLException, IOException {
        Path made = scratchFile("made-");
        try {
            Files.write(made, content);
            String sha256 = java.util.HexFormat.of().formatHex(sha256().digest(content));
            return putOwn(c, made, sha256, mediaType, pages, maker);
        } finally {
            Files.deleteIfExists(made);
        }
    }

    /** A fresh temporary file beside the store (same file system, so keeping it is a rename). */
    public Path scratchFile(String prefix) throws IOException {
        Path scratch = root.resolve("incoming");
        Files.createDirectories(scratch);
        return Files.createTempFile(scratch, prefix, ".part");
    }

    private StoredFile record(Connection c, StoredFile stored, String uploader, FileRefusal refusal)
            throws SQLException {
        int inserted;
        try (PreparedStatement ps = c.prepareStatement("INSERT INTO stored_file (sha256, size, media_type, pages,"
                + " uploaded_by, uploaded_at, refusal) VALUES (?, ?, ?, ?, ?, ?, ?) ON CONFLICT DO NOTHING")) {
            ps.setString(1, stored.sha256());
            ps.setLong(2, stored.size());
            ps.setString(3, stored.mediaType());
            ps.setInt(4, stored.pages());
            ps.setString(5, uploader);
            ps.setObject(6, OffsetDateTime.ofInstant(clock.instant(), ZoneOffset.UTC));
            ps.setString(7, refusal == null ? null : refusal.name());
            inserted = ps.executeUpdate();
        }
        if (inserted == 0 && !UNKNOWN_TYPE.equals(stored.mediaType())) {
            // kept before under a type guessed from a name that said nothing; this look at its content knows better
            try (PreparedStatement ps = c.prepareStatement("UPDATE stored_file SET media_type = ?, pages = ?"
                    + " WHERE sha256 = ? AND media_type = ?")) {
                ps.setString(1, stored.mediaType());
                ps.setInt(2, stored.pages());
                ps.setString(3, stored.sha256());
                ps.setString(4, UNKNOWN_TYPE);
                ps.executeUpdate();
            }
        }
        try (PreparedStatement ps = c.prepareStatement(
                "INSERT INTO file_upload (sha256, staff_no) VALUES (?, ?) ON CONFLICT DO NOTHING")) {
            ps.setString(1, stored.sha256());
            ps.setString(2, uploader);
            ps.executeUpdate();
        }
        return stored;
    }

    /** What the server knows of a kept file. */
    public Optional<StoredFile> describe(Connection c, String sha256) throws SQLException {
        if (sha256 == null || !SHA256.matcher(sha256).matches()) {
            return Optional.empty();
        }
        try (PreparedStatement ps = c.prepareStatement(
                "SELECT size, media_type, pages FROM stored_file WHERE sha256 = ?")) {
            ps.setString(1, sha256);
            try (ResultSet rs = ps.executeQuery()) {
                return rs.next() ? Optional.of(new StoredFile(sha256, rs.getLong(1), rs.getString(2), rs.getInt(3)))
                        : Optional.empty();
            }
        }
    }

    /**
     * Why a 決裁 may not name the kept file (an empty, encrypted, damaged or page-less PDF a document library
     * kept), or empty when it may.
     */
    public Optional<FileRefusal> attachmentRefusal(Connection c, String sha256) throws SQLException {
        try (PreparedStatement ps = c.prepareStatement("SELECT refusal FROM stored_file WHERE sha256 = ?")) {
            ps.setString(1, sha256);
            try (ResultSet rs = ps.executeQuery()) {
                return rs.next() && rs.getString(1) != null ? Optional.of(FileRefusal.valueOf(rs.getString(1)))
                        : Optional.empty();
            }
        }
    }

    /** Whether the person uploaded the file (themself, at any time). */
    public boolean uploadedBy(Connection c, String sha256, String staffNo) throws SQLException {
        try (PreparedStatement ps = c.prepareStatement("SELECT 1 FROM file_upload WHERE sha256 = ? AND staff_no = ?")) {
            ps.setString(1, sha256);
            ps.setString(2, staffNo);
            try (ResultSet rs = ps.executeQuery()) {
                return rs.next();
            }
        }
    }

    /** Where a kept file lies. */
    public Path path(String sha256) {
        if (!SHA256.matcher(sha256).matches()) {
            throw new IllegalArgumentException("not a SHA-256: " + sha256);
        }
        return root.resolve(sha256.substring(0, 2)).resolve(sha256);
    }

    private static void move(Path from, Path to) throws IOException {
        try {
            Files.move(from, to, StandardCopyOption.ATOMIC_MOVE);
        } catch (AtomicMoveNotSupportedException e) {
            Files.move(from, to, StandardCopyOption.REPLACE_EXISTING);
        }
    }

    /** Copies up to {@code limit + 1} bytes: a result over the limit means the input is too large. */
    private static long copyAtMost(InputStream in, OutputStream out, long limit) throws IOException {
        byte[] buffer = new byte[64 * 1024];
        long total = 0;
        int read;
        while ((read = in.read(buffer)) >= 0) {
            total += read;
            if (total > limit) {
                return total;
            }
            out.write(buffer, 0, read);
        }
        return total;
    }

    static String megabytes(long bytes) {
        return (bytes >= 1024 * 1024 ? bytes / (1024 * 1024) + " MB" : bytes + " バイト");
    }

    private static MessageDigest sha256() {
        try {
            return MessageDigest.getInstance("SHA-256");
        } catch (NoSuchAlgorithmException e) {
            throw new IllegalStateException("SHA-256 is part of every JDK", e);
        }
    }
}

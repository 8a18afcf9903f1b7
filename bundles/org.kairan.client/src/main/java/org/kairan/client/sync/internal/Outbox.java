package org.kairan.client.sync.internal;

import java.io.IOException;
import java.io.InputStream;
import java.io.OutputStream;
import java.net.URLConnection;
import java.nio.file.DirectoryStream;
import java.nio.file.Files;
import java.nio.file.Path;
import java.nio.file.StandardCopyOption;
import java.security.MessageDigest;
import java.security.NoSuchAlgorithmException;
import java.sql.SQLException;
import java.time.Duration;
import java.time.Instant;
import java.util.Arrays;
import java.util.HexFormat;
import java.util.Optional;
import java.util.logging.Level;
import java.util.logging.Logger;

import org.kairan.client.sync.FileNotAcceptedException;
import org.kairan.client.sync.OutboxFile;
import org.kairan.core.files.FileRefusal;

/**
 * The bytes of the files the user's actions name, in {@code outbox/} beside the queue (owner-only), each
 * under its SHA-256; what is there and who names it is in the {@link ActionQueue}'s file. A file is copied
 * here when the user attaches it, so that the original may change or go; it is deleted when no action
 * naming it waits or is shown, or a day after it was staged when no action ever named it.
 */
final class Outbox {

    static final String DIRECTORY = "outbox";
    /** How long a staged file no action names is kept (the user may still be writing the action). */
    static final Duration KEEP_UNNAMED = Duration.ofDays(1);
    private static final String PARTIAL = ".part";
    private static final byte[] PDF_MAGIC = { '%', 'P', 'D', 'F', '-' };
    private static final Logger LOG = Logger.getLogger(Outbox.class.getName());

    private final Path directory;
    private final ActionQueue queue;

    Outbox(Path userDirectory, ActionQueue queue) {
        this.directory = userDirectory.resolve(DIRECTORY);
        this.queue = queue;
    }

    /** Where the bytes of a staged file are. */
    Path path(String sha256) {
        return directory.resolve(sha256);
    }

    /**
     * Copies the file in, hashing it on the way; refuses an empty file and one over {@code maxBytes} (also
     * when it grows while being copied).
     */
    synchronized OutboxFile stage(Path source, long maxBytes, Instant now) throws IOException, SQLException {
        String name = source.getFileName() == null ? source.toString() : source.getFileName().toString();
        long size = Files.size(source);
        checkSize(source, name, size, maxBytes);
        H2Files.createOwnerOnly(directory);
        Path partial = Files.createTempFile(directory, "staging-", PARTIAL); // owner-only on POSIX
        try {
            MessageDigest sha256 = sha256();
            byte[] head = new byte[PDF_MAGIC.length];
            long copied = 0;
            try (InputStream in = Files.newInputStream(source); OutputStream out = Files.newOutputStream(partial)) {
                byte[] buffer = new byte[64 * 1024];
                int n;
                while ((n = in.read(buffer)) >= 0) {
                    if (copied < head.length) {
                        System.arraycopy(buffer, 0, head, (int) copied, (int) Math.min(n, head.length - copied));
                    }
                    copied += n;
                    if (copied > maxBytes) {
                        throw tooLarge(source, name, copied, maxBytes);
                    }
                    sha256.update(buffer, 0, n);
                    out.write(buffer, 0, n);
                }
            }
            checkSize(source, name, copied, maxBytes);
            String hex = HexFormat.of().formatHex(sha256.digest());
            Files.move(partial, path(hex), StandardCopyOption.REPLACE_EXISTING, StandardCopyOption.ATOMIC_MOVE);
            OutboxFile file = new OutboxFile(hex, name, mediaType(name, head, copied), copied);
            queue.staged(file, now);
            return file;
        } finally {
            Files.deleteIfExists(partial);
        }
    }

    private static void checkSize(Path source, String name, long size, long maxBytes) throws FileNotAcceptedException {
        if (size == 0) {
            throw new FileNotAcceptedException(FileRefusal.EMPTY, source, "「" + name + "」は空（0バイト）のため添付できません"
                    + " (the file " + name + " is empty)");
        }
        if (size > maxBytes) {
            throw tooLarge(source, name, size, maxBytes);
        }
    }

    private static FileNotAcceptedException tooLarge(Path source, String name, long size, long maxBytes) {
        return new FileNotAcceptedException(FileRefusal.TOO_LARGE, source, "「" + name + "」は" + megabytes(size)
                + "あり、添付できる上限の" + megabytes(maxBytes) + "を超えています (the file " + name + " has " + size
                + " bytes, more than the " + maxBytes + " allowed)");
    }

    private static String megabytes(long bytes) {
        if (bytes < 1024) {
            return bytes + "バイト";
        }
        return bytes < 1024 * 1024 ? String.format(java.util.Locale.ROOT, "%.1fKB", bytes / 1024.0)
                : String.format(java.util.Locale.ROOT, "%.1fMB", bytes / (1024.0 * 1024.0));
    }

    /** application/pdf by content; otherwise by the name's extension; octet-stream when unknown. */
    static String mediaType(String name, byte[] head, long size) {
        if (size >= PDF_MAGIC.length && Arrays.equals(head, PDF_MAGIC)) {
            return "application/pdf";
        }
        String guessed = URLConnection.guessContentTypeFromName(name);
        return guessed == null ? "application/octet-stream" : guessed;
    }

    private static MessageDigest sha256() {
        try {
            return MessageDigest.getInstance("SHA-256");
        } catch (NoSuchAlgorithmException e) {
            throw new IllegalStateException("every Java has SHA-256", e);
        }
    }

    Optional<OutboxFile> staged(String sha256) throws SQLException {
        Optional<OutboxFile> file = queue.stagedFile(sha256);
        return file.filter(f -> Files.isRegularFile(path(f.sha256())));
    }

    /**
     * Deletes the files no action needs any more (and bytes nobody recorded, e.g. of a desktop killed while
     * copying, after {@link #KEEP_UNNAMED}).
     */
    synchronized void sweep(Instant now) {
        try {
            for (String sha256 : queue.unneededFiles(now.minus(KEEP_UNNAMED))) {
                Files.deleteIfExists(path(sha256));
                queue.forgetFile(sha256);
            }
            if (!Files.isDirectory(directory)) {
                return;
            }
            try (DirectoryStream<Path> files = Files.newDirectoryStream(directory)) {
                for (Path file : files) {
                    String name = file.getFileName().toString();
                    boolean recorded = !name.endsWith(PARTIAL) && queue.stagedFile(name).isPresent();
                    if (!recorded && Files.getLastModifiedTime(file).toInstant().isBefore(now.minus(KEEP_UNNAMED))) {
                        Files.deleteIfExists(file);
                    }
                }
            }
        } catch (IOException | SQLException e) {
            LOG.log(Level.WARNING, "the outbox " + directory + " could not be tidied; it is tried again later", e);
        }
    }
}

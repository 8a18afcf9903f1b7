package org.kairan.client.internal;

import java.io.IOException;
import java.io.InputStream;
import java.nio.file.FileSystems;
import java.nio.file.Files;
import java.nio.file.Path;
import java.nio.file.StandardCopyOption;
import java.nio.file.attribute.PosixFilePermissions;
import java.security.MessageDigest;
import java.security.NoSuchAlgorithmException;
import java.util.HexFormat;
import java.util.Locale;
import java.util.Optional;

import org.kairan.client.KairanClientException;
import org.kairan.client.RequestRejectedException;
import org.kairan.client.ServerUnreachableException;
import org.kairan.client.SessionExpiredException;
import org.kairan.client.kessai.FileUnavailableException;
import org.kairan.client.kessai.FileUnavailableException.Reason;

/**
 * Files opened on this desktop — 決裁 attachments, PDFs of record, library documents, meetings' recordings — kept
 * under {@code files/} in the user's directory (owner-only) by their SHA-256 (a recording by its id), so that what was opened once opens again offline. One
 * cache for every service of this bundle: the same content opened as a 決裁 attachment and as a library version
 * is stored once. A download goes to a temporary file, is checked (against the hash) and only then takes its place:
 * the cache never holds a damaged file.
 */
public final class FileCache {

    public static final String DIRECTORY = "files";

    /** Fetches the bytes into a file. */
    @FunctionalInterface
    public interface Download {
        void into(Path target) throws KairanClientException;
    }

    private final Path directory;

    public FileCache(Path userDirectory) {
        this.directory = userDirectory.resolve(DIRECTORY);
    }

    /** Where a file is (or would be) cached: its hash, with the extension of its name so viewers know it. */
    public Path path(String sha256, String name) {
        return directory.resolve(sha256 + extension(name));
    }

    public static String extension(String name) {
        int dot = name.lastIndexOf('.');
        String ext = dot < 0 ? "" : name.substring(dot).toLowerCase(Locale.ROOT);
        return ext.matches("\\.[a-z0-9]{1,8}") ? ext : "";
    }

    /**
     * The cached file, else a copy of {@code local} (the user's own file still in the outbox), else downloaded.
     *
     * @param name for messages and the extension
     */
    public Path open(String sha256, String name, Optional<Path> local, Download download) throws FileUnavailableException {
        return open(path(sha256, name), name, local, download, arrived -> {
            String hash = sha256Of(arrived);
            if (!hash.equals(sha256)) {
                throw new FileUnavailableException(Reason.DAMAGED, "「" + name + "」は受信中に壊れました。もう一度開いてください"
                        + " (the content's SHA-256 is " + hash + ", expected " + sha256 + ")", null);
            }
        });
    }

    /** Checks a file that has arrived before it takes its place in the cache. */
    @FunctionalInterface
    public interface Check {
        /** @throws FileUnavailableException it is damaged: it is not kept */
        void check(Path arrived) throws FileUnavailableException, IOException;
    }

    /**
     * A file known by a key that names content which never changes (e.g. {@code recording-<id>.wav}, a meeting's
     * recording), cached like the others: the cached file, else downloaded and checked.
     */
    public Path open(String key, String name, Download download, Check check) throws FileUnavailableException {
        if (!key.matches("[A-Za-z0-9._-]{1,100}")) {
            throw new IllegalArgumentException("not a cache key: " + key);
        }
        return open(directory.resolve(key), name, Optional.empty(), download, check);
    }

    private Path open(Path cached, String name, Optional<Path> local, Download download, Check check)
            throws FileUnavailableException {
        if (Files.isRegularFile(cached)) {
            return cached;
        }
        Path partial = null;
        try {
            createOwnerOnly(directory);
            partial = Files.createTempFile(directory, "download-", ".part");
            if (local.isPresent()) {
                Files.copy(local.get(), partial, StandardCopyOption.REPLACE_EXISTING);
            } else {
                download.into(partial);
            }
            check.check(partial);
            Files.move(partial, cached, StandardCopyOption.REPLACE_EXISTING, StandardCopyOption.ATOMIC_MOVE);
            return cached;
        } catch (ServerUnreachableException | SessionExpiredException e) {
            throw new FileUnavailableException(Reason.OFFLINE, "「" + name + "」はこの端末にまだなく、サーバーに接続できないため"
                    + "開けません。接続してから開いてください (not on this desktop yet, and the server cannot be reached)", e);
        } catch (RequestRejectedException e) {
            throw new FileUnavailableException(Reason.NOT_AVAILABLE, "「" + name + "」をサーバーから受け取れませんでした"
                    + (e.status() == 403 || e.status() == 404 ? "（閲覧できる案件・文書に含まれていないか、サーバーにありません）" : "")
                    + " (HTTP " + e.status() + ": " + e.getMessage() + ")", e);
        } catch (KairanClientException e) {
            throw new FileUnavailableException(Reason.NOT_AVAILABLE, "「" + name + "」を開けません (" + e.getMessage() + ")", e);
        } catch (IOException e) {
            throw new FileUnavailableException(Reason.NOT_AVAILABLE, "「" + name + "」をこの端末に保存できません (" + e + ")", e);
        } finally {
            deleteQuietly(partial);
        }
    }

    /**
     * What was worked out once from a cached file and kept beside it (e.g. {@code .words.json}: where OCR found
     * the words of a scan), if anything.
     */
    public Optional<byte[]> beside(String sha256, String suffix) throws IOException {
        Path kept = directory.resolve(sha256 + suffix);
        return Files.isRegularFile(kept) ? Optional.of(Files.readAllBytes(kept)) : Optional.empty();
    }

    /** Keeps bytes beside a file, whole or not at all (written aside, then moved into place). */
    public void keepBeside(String sha256, String suffix, byte[] bytes) throws IOException {
        createOwnerOnly(directory);
        Path partial = Files.createTempFile(directory, "beside-", ".part");
        try {
            Files.write(partial, bytes);
            Files.move(partial, directory.resolve(sha256 + suffix), StandardCopyOption.REPLACE_EXISTING,
                    StandardCopyOption.ATOMIC_MOVE);
        } finally {
            deleteQuietly(partial);
        }
    }

    private static void deleteQuietly(Path file) {
        if (file == null) {
            return;
        }
        try {
            Files.deleteIfExists(file);
        } catch (IOException e) {
            // a temporary file left behind is overwritten by nothing and harmless
        }
    }

    public static String sha256Of(Path file) throws IOException {
        MessageDigest digest;
        try {
            digest = MessageDigest.getInstance("SHA-256");
        } catch (NoSuchAlgorithmException e) {
            throw new IllegalStateException("every Java has SHA-256", e);
        }
        try (InputStream in = Files.newInputStream(file)) {
            byte[] buffer = new byte[64 * 1024];
            int n;
            while ((n = in.read(buffer)) >= 0) {
                digest.update(buffer, 0, n);
            }
        }
        return HexFormat.of().formatHex(digest.digest());
    }

    private static void createOwnerOnly(Path dir) throws IOException {
        if (Files.isDirectory(dir)) {
            return;
        }
        if (FileSystems.getDefault().supportedFileAttributeViews().contains("posix")) {
            Files.createDirectories(dir, PosixFilePermissions.asFileAttribute(PosixFilePermissions.fromString("rwx------")));
        } else {
            Files.createDirectories(dir);
        }
    }
}

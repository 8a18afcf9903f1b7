package org.kairan.server.audit;

import java.nio.charset.StandardCharsets;
import java.security.MessageDigest;
import java.security.NoSuchAlgorithmException;
import java.time.Instant;
import java.time.ZoneOffset;
import java.time.format.DateTimeFormatter;
import java.time.temporal.ChronoUnit;
import java.util.HexFormat;
import java.util.Objects;

import org.kairan.core.protocol.AuditEntry;
import org.kairan.core.protocol.AuditVerification;

/**
 * The hash chain of the audit log: each entry's {@code hash} is the hex SHA-256 of the previous entry's
 * hash and this entry's {@link #canonicalText canonical text}, the first entry's previous hash being
 * {@link #GENESIS_HASH 64 zeros}. Changing any field of an entry, deleting or inserting an entry in the
 * middle, or reordering entries breaks the chain at that entry; {@link #verify} names it.
 *
 * <h2>Canonical text (version {@code kairan-audit-v1})</h2>
 * <pre>
 * kairan-audit-v1|seq|at|staffNo|unit|position|name|action|result|detail
 * </pre>
 * <ul>
 * <li>Fields in exactly this order, separated by {@code |}, no trailing separator; encoded as UTF-8.</li>
 * <li>{@code seq} in decimal without sign or leading zeros.</li>
 * <li>{@code at} in UTC as {@code yyyy-MM-ddTHH:mm:ss.SSSSSSZ}: always six fraction digits, truncated
 *     (not rounded) to microseconds, because PostgreSQL and H2 keep timestamps to the microsecond.</li>
 * <li>A text field that is {@code null} is written {@code \N}. Otherwise {@code \} becomes {@code \\},
 *     {@code |} becomes {@code \|}, line feed {@code \n}, carriage return {@code \r}; every other character
 *     is written as is (no Unicode normalisation: the hash covers exactly the stored characters). So
 *     {@code null} and {@code ""} differ, and no field can imitate a separator.</li>
 * </ul>
 * The line hashed is {@code previousHash + "|" + canonicalText}.
 *
 * <p>Before an entry is stored, pass it through {@link #seal}: it truncates {@code at} to the microsecond
 * and replaces characters a database may refuse or alter (NUL, unpaired surrogate halves — possible in
 * a user id typed by an attacker at the login form) with U+FFFD, so that what is stored is exactly what
 * was hashed. Length limits of the database columns are the caller's business.
 *
 * <h2>What a chain cannot show</h2>
 * Removing entries <em>from the end</em> leaves a shorter chain that is still intact, and someone with
 * write access to the table can recompute every hash after a change. Keep the head (last {@code seq} and
 * {@code hash}) somewhere the database's writers cannot change it — the server log, a syslog host, a
 * daily printed or mailed report — and give it to {@link #verify(Iterable, Checkpoint)}; then a truncated
 * or rewritten log no longer matches.
 *
 * <p>Stateless and thread-safe.
 */
public final class AuditChain {

    /** The "previous hash" of the entry with seq 1. */
    public static final String GENESIS_HASH = "0".repeat(64);
    /** First field of every canonical text; a later format gets a new tag. */
    public static final String FORMAT = "kairan-audit-v1";

    private static final DateTimeFormatter AT_FORMAT = DateTimeFormatter
            .ofPattern("uuuu-MM-dd'T'HH:mm:ss.SSSSSS'Z'")
            .withZone(ZoneOffset.UTC);
    private static final String NULL_FIELD = "\\N";

    /**
     * A head of the chain that was recorded outside the database.
     *
     * @param seq  the entry's seq
     * @param hash its hash
     */
    public record Checkpoint(long seq, String hash) {
        public Checkpoint {
            if (seq < 1) {
                throw new IllegalArgumentException("seq starts at 1: " + seq);
            }
            requireHash(hash, "hash");
        }
    }

    /**
     * The entry as it must be stored: {@code at} truncated to microseconds, text fields made storable,
     * {@code hash} computed from {@code previousHash} ({@link #GENESIS_HASH} for seq 1). Any hash already in
     * {@code entry} is ignored.
     */
    public AuditEntry seal(String previousHash, AuditEntry entry) {
        Objects.requireNonNull(entry, "entry");
        AuditEntry storable = new AuditEntry(entry.seq(), truncate(entry.at()), storable(entry.staffNo()),
                storable(entry.unit()), storable(entry.position()), storable(entry.name()),
                storable(entry.action()), storable(entry.result()), storable(entry.detail()), null);
        String hash = hash(previousHash, storable);
        return new AuditEntry(storable.seq(), storable.at(), storable.staffNo(), storable.unit(),
                storable.position(), storable.name(), storable.action(), storable.result(), storable.detail(),
                hash);
    }

    /** Hex SHA-256 (lower case) of {@code previousHash|canonicalText(entry)}. */
    public String hash(String previousHash, AuditEntry entry) {
        requireHash(previousHash, "previousHash");
        String line = previousHash + "|" + canonicalText(entry);
        try {
            byte[] digest = MessageDigest.getInstance("SHA-256").digest(line.getBytes(StandardCharsets.UTF_8));
            return HexFormat.of().formatHex(digest);
        } catch (NoSuchAlgorithmException e) {
            throw new IllegalStateException("SHA-256 is required of every Java runtime", e);
        }
    }

    /** The entry without its hash, as defined in the class comment. */
    public String canonicalText(AuditEntry entry) {
        Objects.requireNonNull(entry, "entry");
        if (entry.seq() < 1) {
            throw new IllegalArgumentException("seq starts at 1: " + entry.seq());
        }
        Objects.requireNonNull(entry.at(), "at");
        StringBuilder text = new StringBuilder(FORMAT);
        text.append('|').append(entry.seq());
        text.append('|').append(AT_FORMAT.format(truncate(entry.at())));
        for (String field : new String[] {entry.staffNo(), entry.unit(), entry.position(), entry.name(),
                entry.action(), entry.result(), entry.detail()}) {
            text.append('|');
            appendEscaped(text, field);
        }
        return text.toString();
    }

    /** Checks a whole chain, given in seq order from seq 1. */
    public AuditVerification verify(Iterable<AuditEntry> entries) {
        return verify(entries, null);
    }

    /**
     * Checks a whole chain, given in seq order from seq 1, and that it still contains a head recorded
     * earlier outside the database ({@code null}: no such check).
     */
    public AuditVerification verify(Iterable<AuditEntry> entries, Checkpoint checkpoint) {
        Objects.requireNonNull(entries, "entries");
        String previous = GENESIS_HASH;
        long expectedSeq = 1;
        long checked = 0;
        for (AuditEntry entry : entries) {
            checked++;
            if (entry == null) {
                return broken(checked, expectedSeq, "Entry " + expectedSeq + " is missing.");
            }
            if (entry.seq() != expectedSeq) {
                return broken(checked, expectedSeq, "Expected entry " + expectedSeq + " but found entry "
                        + entry.seq() + ": an entry was deleted, inserted or moved.");
            }
            if (entry.at() == null || entry.hash() == null
                    || !MessageDigest.isEqual(hash(previous, entry).getBytes(StandardCharsets.US_ASCII),
                            entry.hash().getBytes(StandardCharsets.US_ASCII))) {
                return broken(checked, expectedSeq, "Entry " + expectedSeq
                        + " does not match its hash: it or the entry before it was changed.");
            }
            if (checkpoint != null && checkpoint.seq() == expectedSeq && !checkpoint.hash().equals(entry.hash())) {
                return broken(checked, expectedSeq, "Entry " + expectedSeq
                        + " differs from the recorded checkpoint: the log up to it was rewritten.");
            }
            previous = entry.hash();
            expectedSeq++;
        }
        long last = expectedSeq - 1;
        if (checkpoint != null && checkpoint.seq() > last) {
            return broken(checked, last + 1, "The log ends at entry " + last + " but entry " + checkpoint.seq()
                    + " was recorded: entries were deleted from the end.");
        }
        String message = checked == 0 ? "The audit log is empty."
                : "All " + checked + " entries are intact (last entry " + last + ", hash " + previous + ").";
        return new AuditVerification(true, checked, null, message);
    }

    private static AuditVerification broken(long checked, long seq, String message) {
        return new AuditVerification(false, checked, seq, message);
    }

    private static Instant truncate(Instant at) {
        return at == null ? null : at.truncatedTo(ChronoUnit.MICROS);
    }

    private static void appendEscaped(StringBuilder text, String field) {
        if (field == null) {
            text.append(NULL_FIELD);
            return;
        }
        for (int i = 0; i < field.length(); i++) {
            char c = field.charAt(i);
            switch (c) {
                case '\\' -> text.append("\\\\");
                case '|' -> text.append("\\|");
                case '\n' -> text.append("\\n");
                case '\r' -> text.append("\\r");
                default -> text.append(c);
            }
        }
    }

    /** NUL and unpaired surrogates become U+FFFD; everything else is kept. */
    private static String storable(String field) {
        if (field == null) {
            return null;
        }
        StringBuilder out = null;
        for (int i = 0; i < field.length(); i++) {
            char c = field.charAt(i);
            boolean pairedHigh = Character.isHighSurrogate(c) && i + 1 < field.length()
                    && Character.isLowSurrogate(field.charAt(i + 1));
            boolean bad = c == '\0' || (Character.isSurrogate(c) && !pairedHigh);
            if (pairedHigh) {
                if (out != null) {
                    out.append(c).append(field.charAt(i + 1));
                }
                i++;
                continue;
            }
            if (bad && out == null) {
                out = new StringBuilder(field.length()).append(field, 0, i);
            }
            if (out != null) {
                out.append(bad ? '\uFFFD' : c);
            }
        }
        return out == null ? field : out.toString();
    }

    private static void requireHash(String hash, String name) {
        if (hash == null || hash.length() != 64 || !hash.chars().allMatch(c -> (c >= '0' && c <= '9')
                || (c >= 'a' && c <= 'f'))) {
            throw new IllegalArgumentException(name + " must be 64 lower-case hex digits");
        }
    }
}

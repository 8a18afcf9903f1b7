package org.kairan.server.record;

import java.nio.file.Path;

/**
 * The server's settings for records and attachments (properties in brackets, see ServerConfigReader).
 *
 * @param signingKeystore         PKCS#12 keystore with the record-signing key [kairan.record.keystore];
 *                                {@code null} for {@code <dataDir>/record-signing.p12}, created at first use
 * @param signingKeystorePassword its password [kairan.record.keystorePassword or env
 *                                KAIRAN_RECORD_KEYSTORE_PASSWORD]; {@code null} for the generated keystore's
 *                                own password file ({@link RecordSigningKey})
 * @param organisation            O= of a generated certificate, e.g. 伊織市 [kairan.record.organisation]
 * @param gothicFont              ipag.ttf [kairan.record.gothicFont]; {@code null} to search the known places
 * @param minchoFont              ipam.ttf [kairan.record.minchoFont]; {@code null} to search the known places
 * @param maxAttachmentBytes      largest attachment accepted [kairan.attachment.maxBytes]
 */
public record RecordSettings(Path signingKeystore, String signingKeystorePassword, String organisation,
        Path gothicFont, Path minchoFont, long maxAttachmentBytes) {

    public static final String DEFAULT_KEYSTORE_NAME = "record-signing.p12";
    public static final String DEFAULT_ORGANISATION = "Kairan";
    public static final long DEFAULT_MAX_ATTACHMENT = 100L << 20;

    public RecordSettings {
        if (maxAttachmentBytes <= 0) {
            throw new IllegalArgumentException("kairan.attachment.maxBytes must be positive, was " + maxAttachmentBytes);
        }
        organisation = organisation == null || organisation.isBlank() ? DEFAULT_ORGANISATION : organisation.strip();
        if (signingKeystorePassword != null && signingKeystorePassword.isEmpty()) {
            signingKeystorePassword = null;
        }
    }

    public static RecordSettings defaults() {
        return new RecordSettings(null, null, DEFAULT_ORGANISATION, null, null, DEFAULT_MAX_ATTACHMENT);
    }

    /** Whether the keystore is the server's own generated one (the default path), not one configured. */
    public boolean generatedKeystore() {
        return signingKeystore == null;
    }

    /** The keystore file used with the given data directory. */
    public Path keystoreIn(Path dataDir) {
        return signingKeystore != null ? signingKeystore : dataDir.resolve(DEFAULT_KEYSTORE_NAME);
    }

    /** The IPA fonts: the configured files or the installed ones. */
    public RecordFonts fonts() throws RecordException {
        return RecordFonts.locate(gothicFont, minchoFont);
    }

    public RecordSettings withMaxAttachmentBytes(long value) {
        return new RecordSettings(signingKeystore, signingKeystorePassword, organisation, gothicFont, minchoFont, value);
    }

    public RecordSettings withKeystore(Path keystore, String password) {
        return new RecordSettings(keystore, password, organisation, gothicFont, minchoFont, maxAttachmentBytes);
    }

    @Override
    public String toString() {
        return "RecordSettings[keystore=" + (signingKeystore == null ? "(data dir)" : signingKeystore) + ", password="
                + (signingKeystorePassword == null ? "(none)" : "(set)") + ", organisation=" + organisation + ", fonts="
                + gothicFont + "," + minchoFont + ", maxAttachmentBytes=" + maxAttachmentBytes + "]";
    }
}

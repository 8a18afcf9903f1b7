package org.kairan.server.record;

import java.time.Instant;
import java.util.Objects;

/**
 * What {@link RecordVerifier} found in a PDF of record.
 *
 * @param outcome     valid, or the first reason it is not
 * @param message     Japanese with English in parentheses, for the administrator
 * @param signer      subject of the certificate that signed, {@code null} when there is no readable signature
 * @param fingerprint SHA-256 fingerprint of that certificate (AB:CD:…), or {@code null}
 * @param signedAt    the signing time claimed in the signature dictionary, or {@code null}
 */
public record RecordVerification(Outcome outcome, String message, String signer, String fingerprint, Instant signedAt) {

    /** Valid, or why not. */
    public enum Outcome {
        /** One signature by this server's key over the whole file, and the bytes match it. */
        VALID,
        /** Not a PDF, or too broken to find a signature in. */
        UNREADABLE,
        /** No signature. */
        NOT_SIGNED,
        /** More than one signature (a record has exactly one, the server's). */
        SEVERAL_SIGNATURES,
        /** Bytes were added after the signed range (an incremental update changed the file). */
        APPENDED,
        /** The signed bytes do not match the signature: changed after signing (改ざん). */
        TAMPERED,
        /** A valid signature, but by another key than this server's. */
        OTHER_SIGNER
    }

    public RecordVerification {
        Objects.requireNonNull(outcome, "outcome");
        Objects.requireNonNull(message, "message");
    }

    public boolean valid() {
        return outcome == Outcome.VALID;
    }

    static RecordVerification failed(Outcome outcome, String message) {
        return new RecordVerification(outcome, message, null, null, null);
    }
}

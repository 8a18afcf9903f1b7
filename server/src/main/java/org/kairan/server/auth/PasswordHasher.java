package org.kairan.server.auth;

import java.nio.ByteBuffer;
import java.nio.CharBuffer;
import java.nio.charset.CharsetEncoder;
import java.nio.charset.CodingErrorAction;
import java.nio.charset.StandardCharsets;
import java.security.MessageDigest;
import java.security.SecureRandom;
import java.text.Normalizer;
import java.util.Arrays;
import java.util.Base64;
import java.util.Objects;
import java.util.concurrent.Semaphore;

import org.bouncycastle.crypto.generators.Argon2BytesGenerator;
import org.bouncycastle.crypto.params.Argon2Parameters;

/**
 * Hashes and verifies passwords with Argon2id (RFC 9106) and stores them in the PHC string format
 * {@code $argon2id$v=19$m=19456,t=2,p=1$<salt>$<hash>} (standard Base64 alphabet without padding), the
 * format the reference implementation, libsodium and most libraries read and write.
 *
 * <p>Passwords are compared after Unicode NFKC normalisation (NIST SP 800-63B §5.1.1.2), so a password
 * typed with the IME in full-width mode ({@code ＰａｓｓＷｏｒｄ１２３}) is the same password as its
 * half-width form. The caller's {@code char[]} is never modified; every copy this class makes of the
 * password (the UTF-8 bytes handed to Argon2) is wiped after use. A password that is not already in NFKC
 * form passes once through an immutable {@link String}; ASCII passwords never do.
 *
 * <p>Argon2id needs {@link Parameters#memoryKiB()} of memory per hash. To keep a burst of logins from
 * exhausting the heap, at most {@code maxConcurrentHashes} hashes run at once (default: one per
 * processor); further callers wait.
 *
 * <p>Thread-safe.
 */
public final class PasswordHasher {

    /** The only algorithm this class writes. */
    public static final String ALGORITHM = "argon2id";
    /** Argon2 version 1.3, written as {@code v=19}. */
    public static final int VERSION = Argon2Parameters.ARGON2_VERSION_13;

    private static final int MIN_SALT_BYTES = 8;
    private static final int MIN_HASH_BYTES = 16;
    private static final int MAX_HASH_BYTES = 128;
    private static final int MAX_MEMORY_KIB = 4 * 1024 * 1024;
    private static final int MAX_ITERATIONS = 100;
    private static final int MAX_PARALLELISM = 64;

    /**
     * Cost and size of a hash.
     *
     * @param memoryKiB   memory in KiB ({@code m})
     * @param iterations  passes over the memory ({@code t})
     * @param parallelism lanes ({@code p})
     * @param saltBytes   length of the random salt
     * @param hashBytes   length of the derived hash
     */
    public record Parameters(int memoryKiB, int iterations, int parallelism, int saltBytes, int hashBytes) {

        /** OWASP Password Storage Cheat Sheet minimum for Argon2id: 19 MiB, 2 iterations, 1 lane. */
        public static final Parameters OWASP_MINIMUM = new Parameters(19 * 1024, 2, 1, 16, 32);

        public Parameters {
            if (parallelism < 1 || parallelism > MAX_PARALLELISM) {
                throw new IllegalArgumentException("parallelism must be 1.." + MAX_PARALLELISM + ": " + parallelism);
            }
            if (memoryKiB < 8 * parallelism || memoryKiB > MAX_MEMORY_KIB) {
                throw new IllegalArgumentException(
                        "memory must be 8×parallelism.." + MAX_MEMORY_KIB + " KiB: " + memoryKiB);
            }
            if (iterations < 1 || iterations > MAX_ITERATIONS) {
                throw new IllegalArgumentException("iterations must be 1.." + MAX_ITERATIONS + ": " + iterations);
            }
            if (saltBytes < MIN_SALT_BYTES || saltBytes > 64) {
                throw new IllegalArgumentException("salt must be " + MIN_SALT_BYTES + "..64 bytes: " + saltBytes);
            }
            if (hashBytes < MIN_HASH_BYTES || hashBytes > MAX_HASH_BYTES) {
                throw new IllegalArgumentException(
                        "hash must be " + MIN_HASH_BYTES + ".." + MAX_HASH_BYTES + " bytes: " + hashBytes);
            }
        }
    }

    /** A stored hash string that is not a PHC Argon2id string this class can check. */
    public static final class MalformedHashException extends IllegalArgumentException {
        private static final long serialVersionUID = 1L;

        MalformedHashException(String message) {
            super(message);
        }
    }

    /** A parsed PHC string. */
    private record Encoded(int version, int memoryKiB, int iterations, int parallelism, byte[] salt, byte[] hash) {
    }

    private final Parameters parameters;
    private final SecureRandom random;
    private final Semaphore concurrentHashes;
    private final String dummyHash;

    /** OWASP minimum parameters, a fresh {@link SecureRandom}, one concurrent hash per processor. */
    public PasswordHasher() {
        this(Parameters.OWASP_MINIMUM);
    }

    public PasswordHasher(Parameters parameters) {
        this(parameters, new SecureRandom(), Runtime.getRuntime().availableProcessors());
    }

    public PasswordHasher(Parameters parameters, SecureRandom random, int maxConcurrentHashes) {
        this.parameters = Objects.requireNonNull(parameters, "parameters");
        this.random = Objects.requireNonNull(random, "random");
        if (maxConcurrentHashes < 1) {
            throw new IllegalArgumentException("maxConcurrentHashes must be at least 1: " + maxConcurrentHashes);
        }
        this.concurrentHashes = new Semaphore(maxConcurrentHashes, true);
        char[] nothing = new char[0];
        this.dummyHash = hash(nothing);
    }

    public Parameters parameters() {
        return parameters;
    }

    /**
     * Hashes a password with a fresh random salt.
     *
     * @return the PHC string to store
     */
    public String hash(char[] password) {
        Objects.requireNonNull(password, "password");
        byte[] salt = new byte[parameters.saltBytes()];
        random.nextBytes(salt);
        byte[] derived = derive(password, VERSION, parameters.memoryKiB(), parameters.iterations(),
                parameters.parallelism(), salt, parameters.hashBytes());
        try {
            return format(VERSION, parameters.memoryKiB(), parameters.iterations(), parameters.parallelism(), salt,
                    derived);
        } finally {
            Arrays.fill(derived, (byte) 0);
        }
    }

    /**
     * Checks a password against a stored PHC string, with the parameters written in that string. The
     * comparison takes the same time wherever the hashes differ.
     *
     * @return whether the password is the one that was hashed
     * @throws MalformedHashException when {@code encoded} is not an Argon2id PHC string
     */
    public boolean verify(char[] password, String encoded) {
        Objects.requireNonNull(password, "password");
        Encoded stored = parse(encoded);
        byte[] derived = derive(password, stored.version(), stored.memoryKiB(), stored.iterations(),
                stored.parallelism(), stored.salt(), stored.hash().length);
        try {
            return MessageDigest.isEqual(derived, stored.hash());
        } finally {
            Arrays.fill(derived, (byte) 0);
        }
    }

    /**
     * Does the same work as {@link #verify} and returns {@code false}: call it when the user id is
     * unknown (or the account has no password) so that the answer takes as long as for a wrong password
     * and does not reveal which user ids exist.
     */
    public boolean verifyForUnknownUser(char[] password) {
        verify(password, dummyHash);
        return false;
    }

    /**
     * Whether a stored hash was made with other parameters than this hasher's (weaker or stronger, or
     * another salt or hash length), so the caller should hash the password again after a successful
     * {@link #verify} and store the new string.
     *
     * @throws MalformedHashException when {@code encoded} is not an Argon2id PHC string
     */
    public boolean needsRehash(String encoded) {
        Encoded stored = parse(encoded);
        return stored.version() != VERSION
                || stored.memoryKiB() != parameters.memoryKiB()
                || stored.iterations() != parameters.iterations()
                || stored.parallelism() != parameters.parallelism()
                || stored.salt().length != parameters.saltBytes()
                || stored.hash().length != parameters.hashBytes();
    }

    private byte[] derive(char[] password, int version, int memoryKiB, int iterations, int parallelism, byte[] salt,
            int hashBytes) {
        byte[] passwordBytes = utf8OfNfkc(password);
        Argon2Parameters argon2 = new Argon2Parameters.Builder(Argon2Parameters.ARGON2_id)
                .withVersion(version)
                .withMemoryAsKB(memoryKiB)
                .withIterations(iterations)
                .withParallelism(parallelism)
                .withSalt(salt)
                .build();
        byte[] out = new byte[hashBytes];
        concurrentHashes.acquireUninterruptibly();
        try {
            Argon2BytesGenerator generator = new Argon2BytesGenerator();
            generator.init(argon2);
            generator.generateBytes(passwordBytes, out);
            return out;
        } finally {
            concurrentHashes.release();
            Arrays.fill(passwordBytes, (byte) 0);
            argon2.clear();
        }
    }

    /** UTF-8 of the NFKC form, in an array the caller wipes; intermediate buffers are wiped here. */
    private static byte[] utf8OfNfkc(char[] password) {
        CharBuffer chars = CharBuffer.wrap(password);
        if (!Normalizer.isNormalized(chars, Normalizer.Form.NFKC)) {
            chars = CharBuffer.wrap(Normalizer.normalize(chars, Normalizer.Form.NFKC));
        }
        CharsetEncoder encoder = StandardCharsets.UTF_8.newEncoder()
                .onMalformedInput(CodingErrorAction.REPLACE)
                .onUnmappableCharacter(CodingErrorAction.REPLACE);
        ByteBuffer buffer = ByteBuffer.allocate(chars.remaining() * 3);
        try {
            encoder.encode(chars, buffer, true);
            encoder.flush(buffer);
            buffer.flip();
            byte[] bytes = new byte[buffer.remaining()];
            buffer.get(bytes);
            return bytes;
        } finally {
            Arrays.fill(buffer.array(), (byte) 0);
        }
    }

    private static String format(int version, int memoryKiB, int iterations, int parallelism, byte[] salt,
            byte[] hash) {
        Base64.Encoder b64 = Base64.getEncoder().withoutPadding();
        return "$" + ALGORITHM + "$v=" + version + "$m=" + memoryKiB + ",t=" + iterations + ",p=" + parallelism
                + "$" + b64.encodeToString(salt) + "$" + b64.encodeToString(hash);
    }

    private static Encoded parse(String encoded) {
        if (encoded == null || encoded.isEmpty()) {
            throw new MalformedHashException("no password hash stored");
        }
        String[] parts = encoded.split("\\$", -1);
        // "", "argon2id", "v=19", "m=..,t=..,p=..", salt, hash
        if (parts.length != 6 || !parts[0].isEmpty()) {
            throw new MalformedHashException("not a PHC string $argon2id$v=19$m=..,t=..,p=..$salt$hash");
        }
        if (!ALGORITHM.equals(parts[1])) {
            throw new MalformedHashException("unsupported password hash algorithm: " + printable(parts[1]));
        }
        if (!parts[2].equals("v=" + VERSION)) {
            throw new MalformedHashException("unsupported Argon2 version: " + printable(parts[2]));
        }
        String[] costs = parts[3].split(",", -1);
        if (costs.length != 3 || !costs[0].startsWith("m=") || !costs[1].startsWith("t=")
                || !costs[2].startsWith("p=")) {
            throw new MalformedHashException("Argon2 parameters must be m=..,t=..,p=..: " + printable(parts[3]));
        }
        int memory = number(costs[0].substring(2), "m");
        int iterations = number(costs[1].substring(2), "t");
        int parallelism = number(costs[2].substring(2), "p");
        if (parallelism < 1 || parallelism > MAX_PARALLELISM || memory < 8 * parallelism || memory > MAX_MEMORY_KIB
                || iterations < 1 || iterations > MAX_ITERATIONS) {
            throw new MalformedHashException("Argon2 parameters out of range: " + printable(parts[3]));
        }
        byte[] salt = base64(parts[4], "salt");
        byte[] hash = base64(parts[5], "hash");
        if (salt.length < MIN_SALT_BYTES) {
            throw new MalformedHashException("salt shorter than " + MIN_SALT_BYTES + " bytes");
        }
        if (hash.length < MIN_HASH_BYTES || hash.length > MAX_HASH_BYTES) {
            throw new MalformedHashException("hash must be " + MIN_HASH_BYTES + ".." + MAX_HASH_BYTES + " bytes");
        }
        return new Encoded(VERSION, memory, iterations, parallelism, salt, hash);
    }

    private static int number(String digits, String name) {
        if (digits.isEmpty() || digits.length() > 10 || !digits.chars().allMatch(c -> c >= '0' && c <= '9')
                || (digits.length() > 1 && digits.charAt(0) == '0')) {
            throw new MalformedHashException("Argon2 parameter " + name + " is not a decimal number");
        }
        long value = Long.parseLong(digits);
        if (value > Integer.MAX_VALUE) {
            throw new MalformedHashException("Argon2 parameter " + name + " is too large");
        }
        return (int) value;
    }

    private static byte[] base64(String text, String name) {
        if (text.isEmpty() || text.indexOf('=') >= 0) {
            throw new MalformedHashException(name + " must be non-empty Base64 without padding");
        }
        try {
            return Base64.getDecoder().decode(text);
        } catch (IllegalArgumentException e) {
            throw new MalformedHashException(name + " is not valid Base64");
        }
    }

    /** Keeps exception messages short and free of control characters (they end up in logs). */
    private static String printable(String text) {
        String shortened = text.length() > 40 ? text.substring(0, 40) + "…" : text;
        return shortened.replaceAll("\\p{Cntrl}", "?");
    }

    @Override
    public String toString() {
        return "PasswordHasher[" + ALGORITHM + ", " + parameters + "]";
    }
}

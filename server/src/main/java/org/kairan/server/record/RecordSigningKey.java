package org.kairan.server.record;

import java.io.IOException;
import java.io.InputStream;
import java.io.OutputStream;
import java.math.BigInteger;
import java.nio.charset.StandardCharsets;
import java.nio.file.FileAlreadyExistsException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.nio.file.StandardCopyOption;
import java.nio.file.attribute.PosixFilePermissions;
import java.security.GeneralSecurityException;
import java.security.KeyPair;
import java.security.KeyPairGenerator;
import java.security.KeyStore;
import java.security.PrivateKey;
import java.security.SecureRandom;
import java.security.cert.Certificate;
import java.security.cert.X509Certificate;
import java.security.spec.ECGenParameterSpec;
import java.time.Clock;
import java.time.Duration;
import java.time.Instant;
import java.util.ArrayList;
import java.util.Base64;
import java.util.Collections;
import java.util.Date;
import java.util.HexFormat;
import java.util.List;
import java.util.Locale;

import org.bouncycastle.asn1.x500.X500Name;
import org.bouncycastle.asn1.x500.X500NameBuilder;
import org.bouncycastle.asn1.x500.style.BCStyle;
import org.bouncycastle.asn1.x509.BasicConstraints;
import org.bouncycastle.asn1.x509.ExtendedKeyUsage;
import org.bouncycastle.asn1.x509.Extension;
import org.bouncycastle.asn1.x509.KeyPurposeId;
import org.bouncycastle.asn1.x509.KeyUsage;
import org.bouncycastle.cert.X509v3CertificateBuilder;
import org.bouncycastle.cert.jcajce.JcaX509CertificateConverter;
import org.bouncycastle.cert.jcajce.JcaX509ExtensionUtils;
import org.bouncycastle.cert.jcajce.JcaX509v3CertificateBuilder;
import org.bouncycastle.operator.OperatorCreationException;
import org.bouncycastle.operator.jcajce.JcaContentSignerBuilder;

/**
 * The server's key for signing PDFs of record, from a PKCS#12 keystore (the first private-key entry).
 *
 * <p>By default the keystore is {@code <dataDir>/record-signing.p12}, made at first use with a new EC P-256
 * key and a self-signed certificate ({@code CN=Kairan 記録署名, O=<organisation>}, valid 10 years,
 * key usage digitalSignature + nonRepudiation, extended key usage documentSigning). Its password, unless one
 * is configured, is a random one kept beside it in {@code record-signing.p12.password}; both files are
 * created readable by the server's user only (0600). So the generated key is exactly as safe as the data
 * directory — which also holds the database — and the password file only keeps the keystore from being
 * usable when copied alone. Back up both. A city that wants a certificate from its own PKI configures the
 * keystore path and gives the password in the environment ({@code KAIRAN_RECORD_KEYSTORE_PASSWORD}); a
 * configured keystore is never created.
 */
public final class RecordSigningKey {

    static final String ALIAS = "record-signing";
    static final String COMMON_NAME = "Kairan 記録署名";
    static final Duration VALIDITY = Duration.ofDays(3653);

    private final PrivateKey privateKey;
    private final List<X509Certificate> chain;

    private RecordSigningKey(PrivateKey privateKey, List<X509Certificate> chain) {
        this.privateKey = privateKey;
        this.chain = List.copyOf(chain);
    }

    /** The server's key as configured, the default keystore created first if it does not exist yet. */
    public static RecordSigningKey forServer(RecordSettings settings, Path dataDir, Clock clock) throws RecordException {
        Path keystore = settings.keystoreIn(dataDir);
        char[] password = password(settings, keystore);
        if (!Files.exists(keystore)) {
            if (!settings.generatedKeystore()) {
                throw new RecordException("記録署名の鍵ストア " + keystore + " がありません。kairan.record.keystore の設定を"
                        + "確かめてください (the configured record-signing keystore does not exist)");
            }
            if (password == null) {
                password = newPassword(passwordFile(keystore));
            }
            create(keystore, password, settings.organisation(), clock);
        }
        return load(keystore, password);
    }

    /**
     * The server's key as configured, never creating one: for checking records (e.g. from the command line
     * while the server runs).
     */
    public static RecordSigningKey existing(RecordSettings settings, Path dataDir) throws RecordException {
        Path keystore = settings.keystoreIn(dataDir);
        if (!Files.exists(keystore)) {
            throw new RecordException("記録署名の鍵ストア " + keystore + " がありません。サーバーがまだ記録PDFを作っていないか、"
                    + "--data / kairan.record.keystore の指定が違います (no record-signing keystore at " + keystore + ")");
        }
        return load(keystore, password(settings, keystore));
    }

    /** Reads the first private-key entry of a PKCS#12 keystore. */
    public static RecordSigningKey load(Path keystore, char[] password) throws RecordException {
        if (password == null) {
            throw new RecordException("記録署名の鍵ストア " + keystore + " のパスワードがありません。"
                    + "KAIRAN_RECORD_KEYSTORE_PASSWORD で指定してください (no password for the record-signing keystore)");
        }
        try (InputStream in = Files.newInputStream(keystore)) {
            KeyStore store = KeyStore.getInstance("PKCS12");
            store.load(in, password);
            for (String alias : Collections.list(store.aliases())) {
                if (store.isKeyEntry(alias)) {
                    PrivateKey key = (PrivateKey) store.getKey(alias, password);
                    List<X509Certificate> chain = new ArrayList<>();
                    for (Certificate c : store.getCertificateChain(alias)) {
                        chain.add((X509Certificate) c);
                    }
                    return new RecordSigningKey(key, chain);
                }
            }
            throw new RecordException("鍵ストア " + keystore + " に秘密鍵がありません (no private key entry in the keystore)");
        } catch (IOException | GeneralSecurityException | ClassCastException e) {
            if (e instanceof RecordException re) {
                throw re;
            }
            throw new RecordException("記録署名の鍵ストア " + keystore + " を読めません。パスワードが違うか、ファイルが壊れています"
                    + " (cannot read the record-signing keystore: " + e.getMessage() + ")", e);
        }
    }

    public PrivateKey privateKey() {
        return privateKey;
    }

    /** The signing certificate. */
    public X509Certificate certificate() {
        return chain.getFirst();
    }

    /** The signing certificate and the ones that issued it, as the keystore holds them. */
    public List<X509Certificate> chain() {
        return chain;
    }

    /** The certificate's subject, e.g. CN=Kairan 記録署名, O=伊織市. */
    public String subject() {
        return subject(certificate());
    }

    /** SHA-256 fingerprint of the certificate as AB:CD:…, as keytool and browsers show it. */
    public String fingerprint() {
        return fingerprint(certificate());
    }

    static String subject(X509Certificate certificate) {
        return certificate.getSubjectX500Principal().getName(javax.security.auth.x500.X500Principal.RFC2253)
                .replace(",", ", ");
    }

    static String fingerprint(X509Certificate certificate) {
        try {
            byte[] hash = RecordAttachment.sha256Digest().digest(certificate.getEncoded());
            return HexFormat.ofDelimiter(":").withUpperCase().formatHex(hash);
        } catch (java.security.cert.CertificateEncodingException e) {
            throw new IllegalStateException(e);
        }
    }

    static Path passwordFile(Path keystore) {
        return keystore.resolveSibling(keystore.getFileName() + ".password");
    }

    private static char[] password(RecordSettings settings, Path keystore) throws RecordException {
        if (settings.signingKeystorePassword() != null) {
            return settings.signingKeystorePassword().toCharArray();
        }
        Path file = passwordFile(keystore);
        if (settings.generatedKeystore() && Files.exists(file)) {
            try {
                return Files.readString(file, StandardCharsets.US_ASCII).strip().toCharArray();
            } catch (IOException e) {
                throw new RecordException("パスワードファイル " + file + " を読めません (cannot read the keystore's password file)", e);
            }
        }
        return null;
    }

    private static char[] newPassword(Path file) throws RecordException {
        byte[] random = new byte[24];
        new SecureRandom().nextBytes(random);
        String password = Base64.getUrlEncoder().withoutPadding().encodeToString(random);
        try {
            writePrivately(file, out -> out.write(password.getBytes(StandardCharsets.US_ASCII)));
        } catch (IOException e) {
            throw new RecordException("パスワードファイル " + file + " を作れません (cannot write the keystore's password file)", e);
        }
        return password.toCharArray();
    }

    private static void create(Path keystore, char[] password, String organisation, Clock clock) throws RecordException {
        try {
            KeyPairGenerator generator = KeyPairGenerator.getInstance("EC");
            generator.initialize(new ECGenParameterSpec("secp256r1"));
            KeyPair pair = generator.generateKeyPair();
            X509Certificate certificate = selfSigned(pair, organisation, clock.instant());
            KeyStore store = KeyStore.getInstance("PKCS12");
            store.load(null, null);
            store.setKeyEntry(ALIAS, pair.getPrivate(), password, new Certificate[] {certificate});
            writePrivately(keystore, out -> {
                try {
                    store.store(out, password);
                } catch (GeneralSecurityException e) {
                    throw new IOException(e);
                }
            });
        } catch (FileAlreadyExistsException e) {
            // another thread or process made it first: use that one
        } catch (IOException | GeneralSecurityException | OperatorCreationException e) {
            throw new RecordException("記録署名の鍵を作れません (cannot create the record-signing key at " + keystore + "): "
                    + e.getMessage(), e);
        }
    }

    private static X509Certificate selfSigned(KeyPair pair, String organisation, Instant now)
            throws GeneralSecurityException, OperatorCreationException, IOException {
        X500Name name = new X500NameBuilder(BCStyle.INSTANCE)
                .addRDN(BCStyle.O, organisation)
                .addRDN(BCStyle.CN, COMMON_NAME)
                .build();
        BigInteger serial = new BigInteger(127, new SecureRandom()).add(BigInteger.ONE);
        X509v3CertificateBuilder builder = new JcaX509v3CertificateBuilder(name, serial,
                Date.from(now.minus(Duration.ofMinutes(5))), Date.from(now.plus(VALIDITY)), name, pair.getPublic());
        JcaX509ExtensionUtils extensions = new JcaX509ExtensionUtils();
        builder.addExtension(Extension.basicConstraints, true, new BasicConstraints(false));
        builder.addExtension(Extension.keyUsage, true, new KeyUsage(KeyUsage.digitalSignature | KeyUsage.nonRepudiation));
        builder.addExtension(Extension.extendedKeyUsage, false, new ExtendedKeyUsage(KeyPurposeId.id_kp_documentSigning));
        builder.addExtension(Extension.subjectKeyIdentifier, false,
                extensions.createSubjectKeyIdentifier(pair.getPublic()));
        var signer = new JcaContentSignerBuilder("SHA256withECDSA").build(pair.getPrivate());
        return new JcaX509CertificateConverter().getCertificate(builder.build(signer));
    }

    /** Something that writes a file's content. */
    private interface FileContent {
        void writeTo(OutputStream out) throws IOException;
    }

    /** Writes a new file readable by this user only (0600 where the file system has POSIX permissions). */
    private static void writePrivately(Path file, FileContent content) throws IOException {
        Path dir = file.toAbsolutePath().getParent();
        Files.createDirectories(dir);
        Path temporary = dir.resolve("." + file.getFileName() + "." + Long.toHexString(System.nanoTime()) + ".tmp");
        boolean posix = dir.getFileSystem().supportedFileAttributeViews().contains("posix");
        if (posix) {
            Files.createFile(temporary, PosixFilePermissions.asFileAttribute(PosixFilePermissions.fromString("rw-------")));
        } else {
            Files.createFile(temporary);
        }
        try {
            try (OutputStream out = Files.newOutputStream(temporary)) {
                content.writeTo(out);
            }
            if (Files.exists(file)) {
                throw new FileAlreadyExistsException(file.toString());
            }
            Files.move(temporary, file, StandardCopyOption.ATOMIC_MOVE);
        } finally {
            Files.deleteIfExists(temporary);
        }
    }

    @Override
    public String toString() {
        return "RecordSigningKey[" + subject() + ", " + certificate().getPublicKey().getAlgorithm().toLowerCase(Locale.ROOT)
                + ", SHA-256 " + fingerprint() + "]";
    }
}

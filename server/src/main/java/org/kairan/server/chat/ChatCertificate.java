package org.kairan.server.chat;

import java.io.IOException;
import java.io.InputStream;
import java.math.BigInteger;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.nio.file.StandardCopyOption;
import java.nio.file.attribute.PosixFilePermissions;
import java.security.GeneralSecurityException;
import java.security.KeyPair;
import java.security.KeyPairGenerator;
import java.security.SecureRandom;
import java.security.cert.CertificateFactory;
import java.security.cert.X509Certificate;
import java.security.spec.ECGenParameterSpec;
import java.time.Duration;
import java.time.Instant;
import java.util.Base64;
import java.util.Collection;
import java.util.Date;
import java.util.HashSet;
import java.util.List;
import java.util.Set;

import org.bouncycastle.asn1.x500.X500Name;
import org.bouncycastle.asn1.x509.BasicConstraints;
import org.bouncycastle.asn1.x509.Extension;
import org.bouncycastle.asn1.x509.GeneralName;
import org.bouncycastle.asn1.x509.GeneralNames;
import org.bouncycastle.cert.X509v3CertificateBuilder;
import org.bouncycastle.cert.jcajce.JcaX509CertificateConverter;
import org.bouncycastle.cert.jcajce.JcaX509v3CertificateBuilder;
import org.bouncycastle.operator.OperatorCreationException;
import org.bouncycastle.operator.jcajce.JcaContentSignerBuilder;

/**
 * The managed Prosody's self-signed certificate (PEM) and PKCS#8 key (PEM) for the chat domain, with subject
 * alternative names for the domain and its {@code conference.} and {@code upload.} components: made once, reused
 * while it names those hosts and is more than 30 days from expiry.
 */
final class ChatCertificate {

    static final Duration VALIDITY = Duration.ofDays(3650);
    private static final Duration RENEW_BEFORE = Duration.ofDays(30);

    private ChatCertificate() {
    }

    /** The certificate file's text (PEM), as desktops receive it with their chat credentials. */
    static String pem(Path certificate) throws ChatServerException {
        try {
            return Files.readString(certificate, StandardCharsets.US_ASCII);
        } catch (IOException e) {
            throw new ChatServerException("cannot read the chat server's certificate " + certificate + ": "
                    + e.getMessage(), e);
        }
    }

    /** Makes sure {@code certificate} and {@code key} hold a usable certificate for these hosts; returns whether it made one. */
    static boolean ensure(Path certificate, Path key, List<String> hosts) throws IOException {
        if (Files.isRegularFile(certificate) && Files.isRegularFile(key) && usable(certificate, hosts)) {
            return false;
        }
        try {
            write(certificate, key, hosts);
            return true;
        } catch (GeneralSecurityException | OperatorCreationException e) {
            throw new IOException("cannot make the chat server's certificate: " + e.getMessage(), e);
        }
    }

    private static boolean usable(Path certificate, List<String> hosts) {
        try (InputStream in = Files.newInputStream(certificate)) {
            X509Certificate cert = (X509Certificate) CertificateFactory.getInstance("X.509").generateCertificate(in);
            if (cert.getNotAfter().toInstant().isBefore(Instant.now().plus(RENEW_BEFORE))) {
                return false;
            }
            Set<String> names = new HashSet<>();
            Collection<List<?>> alternatives = cert.getSubjectAlternativeNames();
            if (alternatives != null) {
                for (List<?> name : alternatives) {
                    if (Integer.valueOf(GeneralName.dNSName).equals(name.get(0))) {
                        names.add(String.valueOf(name.get(1)));
                    }
                }
            }
            return names.containsAll(hosts);
        } catch (IOException | GeneralSecurityException | RuntimeException e) {
            return false;
        }
    }

    private static void write(Path certificate, Path key, List<String> hosts)
            throws IOException, GeneralSecurityException, OperatorCreationException {
        KeyPairGenerator generator = KeyPairGenerator.getInstance("EC");
        generator.initialize(new ECGenParameterSpec("secp256r1"), new SecureRandom());
        KeyPair pair = generator.generateKeyPair();
        X500Name name = new X500Name("CN=" + hosts.getFirst() + ",O=Kairan");
        Instant now = Instant.now();
        X509v3CertificateBuilder builder = new JcaX509v3CertificateBuilder(name,
                new BigInteger(127, new SecureRandom()).add(BigInteger.ONE), Date.from(now.minus(Duration.ofDays(1))),
                Date.from(now.plus(VALIDITY)), name, pair.getPublic());
        builder.addExtension(Extension.basicConstraints, true, new BasicConstraints(false));
        builder.addExtension(Extension.subjectAlternativeName, false, new GeneralNames(hosts.stream()
                .map(host -> new GeneralName(GeneralName.dNSName, host)).toArray(GeneralName[]::new)));
        X509Certificate cert = new JcaX509CertificateConverter().getCertificate(
                builder.build(new JcaContentSignerBuilder("SHA256withECDSA").build(pair.getPrivate())));
        Files.createDirectories(key.getParent());
        Path keyTemporary = key.resolveSibling(key.getFileName() + ".tmp");
        Files.deleteIfExists(keyTemporary);
        try {
            Files.createFile(keyTemporary, PosixFilePermissions.asFileAttribute(PosixFilePermissions.fromString("rw-------")));
        } catch (UnsupportedOperationException e) {
            Files.createFile(keyTemporary);
        }
        Files.writeString(keyTemporary, pem("PRIVATE KEY", pair.getPrivate().getEncoded()), StandardCharsets.US_ASCII);
        Path certTemporary = certificate.resolveSibling(certificate.getFileName() + ".tmp");
        Files.writeString(certTemporary, pem("CERTIFICATE", cert.getEncoded()), StandardCharsets.US_ASCII);
        Files.move(keyTemporary, key, StandardCopyOption.REPLACE_EXISTING, StandardCopyOption.ATOMIC_MOVE);
        Files.move(certTemporary, certificate, StandardCopyOption.REPLACE_EXISTING, StandardCopyOption.ATOMIC_MOVE);
    }

    /** PEM of DER bytes; a Java private key's encoding is PKCS#8 already. */
    private static String pem(String type, byte[] der) {
        return "-----BEGIN " + type + "-----\n" + Base64.getMimeEncoder(64, new byte[] {'\n'}).encodeToString(der)
                + "\n-----END " + type + "-----\n";
    }
}

package org.kairan.server.chat;

import static org.junit.jupiter.api.Assertions.assertArrayEquals;
import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.io.InputStream;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.nio.file.attribute.PosixFilePermissions;
import java.security.KeyFactory;
import java.security.PrivateKey;
import java.security.Signature;
import java.security.cert.CertificateFactory;
import java.security.cert.X509Certificate;
import java.security.spec.PKCS8EncodedKeySpec;
import java.util.Base64;
import java.util.List;
import java.util.Set;
import java.util.stream.Collectors;

import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

class ChatCertificateTest {

    private static final List<String> HOSTS = List.of("kairan.local", "conference.kairan.local", "upload.kairan.local");

    @Test
    void aSelfSignedCertificateNamesTheDomainAndItsComponentsAndItsKeyIsPkcs8(@TempDir Path dir) throws Exception {
        Path cert = dir.resolve("kairan.local.crt");
        Path key = dir.resolve("kairan.local.key");
        assertTrue(ChatCertificate.ensure(cert, key, HOSTS), "made at the first start");
        X509Certificate certificate = read(cert);
        Set<String> names = certificate.getSubjectAlternativeNames().stream().map(n -> String.valueOf(n.get(1)))
                .collect(Collectors.toSet());
        assertEquals(Set.copyOf(HOSTS), names, "SANs for the domain, conference. and upload.");
        String pem = Files.readString(key, StandardCharsets.US_ASCII);
        assertTrue(pem.startsWith("-----BEGIN PRIVATE KEY-----\n"), "a PKCS#8 PEM key");
        PrivateKey privateKey = KeyFactory.getInstance("EC").generatePrivate(new PKCS8EncodedKeySpec(Base64.getMimeDecoder()
                .decode(pem.replaceAll("-----[A-Z ]+-----", ""))));
        Signature signature = Signature.getInstance("SHA256withECDSA");
        signature.initSign(privateKey);
        signature.update(new byte[] {1, 2, 3});
        byte[] signed = signature.sign();
        signature.initVerify(certificate.getPublicKey());
        signature.update(new byte[] {1, 2, 3});
        assertTrue(signature.verify(signed), "the key belongs to the certificate");
        assertEquals("rw-------", PosixFilePermissions.toString(Files.getPosixFilePermissions(key)), "only the owner reads the key");

        byte[] before = Files.readAllBytes(cert);
        assertFalse(ChatCertificate.ensure(cert, key, HOSTS), "reused at the next start");
        assertArrayEquals(before, Files.readAllBytes(cert));
        assertTrue(ChatCertificate.ensure(cert, key, List.of("city.example", "conference.city.example")),
                "made again when the domain changes");
    }

    private static X509Certificate read(Path file) throws Exception {
        try (InputStream in = Files.newInputStream(file)) {
            return (X509Certificate) CertificateFactory.getInstance("X.509").generateCertificate(in);
        }
    }
}

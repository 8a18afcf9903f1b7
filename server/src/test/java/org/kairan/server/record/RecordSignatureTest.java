package org.kairan.server.record;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertNotEquals;
import static org.junit.jupiter.api.Assertions.assertNotNull;
import static org.junit.jupiter.api.Assertions.assertNull;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.io.IOException;
import java.io.OutputStream;
import java.math.BigInteger;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.nio.file.StandardOpenOption;
import java.nio.file.attribute.PosixFilePermissions;
import java.security.KeyPair;
import java.security.KeyPairGenerator;
import java.security.KeyStore;
import java.security.cert.Certificate;
import java.security.cert.X509Certificate;
import java.time.Clock;
import java.time.Duration;
import java.time.Instant;
import java.time.ZoneOffset;
import java.util.Date;
import java.util.List;

import org.apache.pdfbox.Loader;
import org.apache.pdfbox.pdmodel.PDDocument;
import org.apache.pdfbox.pdmodel.interactive.digitalsignature.PDSignature;
import org.bouncycastle.asn1.ASN1InputStream;
import org.bouncycastle.asn1.cms.AttributeTable;
import org.bouncycastle.asn1.cms.CMSAttributes;
import org.bouncycastle.asn1.cms.ContentInfo;
import org.bouncycastle.asn1.pkcs.PKCSObjectIdentifiers;
import org.bouncycastle.asn1.x500.X500Name;
import org.bouncycastle.cert.jcajce.JcaX509CertificateConverter;
import org.bouncycastle.cert.jcajce.JcaX509v3CertificateBuilder;
import org.bouncycastle.cms.CMSSignedData;
import org.bouncycastle.cms.SignerInformation;
import org.bouncycastle.operator.jcajce.JcaContentSignerBuilder;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;
import org.kairan.server.record.RecordVerification.Outcome;

/** The server's signature on a PDF of record, and what verification says when the file was changed. */
class RecordSignatureTest {

    @TempDir
    Path dir;

    private final Clock clock = Clock.fixed(Instant.parse("2026-11-26T01:20:00Z"), ZoneOffset.UTC);
    private RecordSigningKey key;
    private Path signed;

    @BeforeEach
    void signARecord() throws IOException {
        Path dataDir = Files.createDirectories(dir.resolve("data"));
        key = RecordSigningKey.forServer(RecordSettings.defaults(), dataDir, clock);
        PdfOfRecord records = new PdfOfRecord(RecordFonts.installed(), RecordSamples.TOKYO, clock);
        RecordFile unsigned = records.write(RecordSamples.sheet(List.of(RecordSamples.pdf("見積書.pdf",
                TestPdfs.japanesePages(dir.resolve("a.pdf"), 2)))), dir.resolve("unsigned.pdf"));
        signed = dir.resolve("伊財第12号.pdf");
        RecordFile result = new RecordSigner(key, clock).sign(unsigned, signed);
        assertEquals(unsigned.pages(), result.pages(), "signing adds no page");
        assertNotEquals(unsigned.sha256(), result.sha256(), "the signed file has its own hash to store");
    }

    private RecordVerification verify(Path pdf) {
        return new RecordVerifier(key.certificate()).verify(pdf);
    }

    @Test
    void aSignedRecordVerifiesAndNamesTheServersCertificate() {
        RecordVerification result = verify(signed);
        assertTrue(result.valid(), "the record just signed is valid: " + result.message());
        assertEquals("CN=Kairan 記録署名, O=Kairan", result.signer(), "signed by the server's certificate");
        assertEquals(key.fingerprint(), result.fingerprint(), "whose SHA-256 fingerprint is reported");
        assertEquals(Instant.parse("2026-11-26T01:20:00Z"), result.signedAt(), "with the signing time");
    }

    @Test
    void theSignatureIsPadesBaselineB() throws Exception {
        try (PDDocument document = Loader.loadPDF(signed.toFile())) {
            List<PDSignature> signatures = document.getSignatureDictionaries();
            assertEquals(1, signatures.size(), "exactly one signature");
            PDSignature signature = signatures.getFirst();
            assertEquals("ETSI.CAdES.detached", signature.getSubFilter(), "PAdES subfilter");
            CMSSignedData cms;
            try (ASN1InputStream in = new ASN1InputStream(signature.getContents())) {
                cms = new CMSSignedData(ContentInfo.getInstance(in.readObject()));
            }
            assertTrue(cms.isDetachedSignature(), "the signed bytes are not inside the CMS (detached)");
            SignerInformation signer = cms.getSignerInfos().getSigners().iterator().next();
            AttributeTable attributes = signer.getSignedAttributes();
            assertNotNull(attributes.get(PKCSObjectIdentifiers.id_aa_signingCertificateV2),
                    "the signing-certificate-v2 attribute binds the certificate");
            assertNull(attributes.get(CMSAttributes.signingTime), "PAdES keeps the time in /M, not in the CMS");
            assertEquals("2.16.840.1.101.3.4.2.1", signer.getDigestAlgOID(), "SHA-256");
        }
    }

    @Test
    void flippingOneSignedByteIsReportedAsTampering() throws IOException {
        byte[] bytes = Files.readAllBytes(signed);
        int at = indexOf(bytes, "stream\n", bytes.length / 3) + 40;
        bytes[at] ^= 0x01;
        Path changed = Files.write(dir.resolve("changed.pdf"), bytes);
        RecordVerification result = verify(changed);
        assertEquals(Outcome.TAMPERED, result.outcome(), "one changed bit in the signed range breaks the signature");
        assertTrue(result.message().contains("改ざん"), "and the message says 改ざん: " + result.message());
    }

    @Test
    void anIncrementalUpdateAfterSigningIsReportedAsAppended() throws IOException {
        Path updated = dir.resolve("updated.pdf");
        try (PDDocument document = Loader.loadPDF(signed.toFile()); OutputStream out = Files.newOutputStream(updated)) {
            document.getDocumentInformation().setTitle("差し替えた件名");
            document.getDocumentInformation().getCOSObject().setNeedToBeUpdated(true);
            document.getDocumentCatalog().getCOSObject().setNeedToBeUpdated(true);
            document.saveIncremental(out);
        }
        RecordVerification result = verify(updated);
        assertEquals(Outcome.APPENDED, result.outcome(), "a change saved after the signature is caught: " + result.message());
        assertTrue(result.message().contains("追記"), "and the message says bytes were appended: " + result.message());
    }

    @Test
    void bytesAppendedAfterTheSignatureAreReported() throws IOException {
        Path appended = Files.copy(signed, dir.resolve("appended.pdf"));
        Files.write(appended, "\n% 後から追加\n".getBytes(StandardCharsets.UTF_8), StandardOpenOption.APPEND);
        RecordVerification result = verify(appended);
        assertEquals(Outcome.APPENDED, result.outcome(), "anything after the signed range is reported");
    }

    @Test
    void aRecordSignedByAnotherKeyIsNotAcceptedAsTheServers() throws IOException {
        RecordSigningKey other = RecordSigningKey.forServer(RecordSettings.defaults(),
                Files.createDirectories(dir.resolve("other-server")), clock);
        Path foreign = dir.resolve("foreign.pdf");
        new RecordSigner(other, clock).sign(dir.resolve("unsigned.pdf"), foreign);
        assertTrue(new RecordVerifier(other.certificate()).verify(foreign).valid(), "valid for the server that signed it");
        RecordVerification result = verify(foreign);
        assertEquals(Outcome.OTHER_SIGNER, result.outcome(), "but not this server's record");
        assertEquals(other.fingerprint(), result.fingerprint(), "the other certificate is named by its fingerprint");
        assertTrue(result.message().contains("このサーバー以外の鍵"), result.message());
    }

    @Test
    void anUnsignedPdfIsReportedAsNotSigned() {
        RecordVerification result = verify(dir.resolve("unsigned.pdf"));
        assertEquals(Outcome.NOT_SIGNED, result.outcome(), "the record before signing has no signature");
        assertTrue(result.message().contains("署名がありません"), result.message());
        assertEquals(Outcome.UNREADABLE, verify(dir.resolve("no-such.pdf")).outcome(), "a missing file is unreadable");
    }

    @Test
    void aSignedPdfAttachedToARecordLeavesTheServersSignatureTheOnlyOne() throws IOException {
        Path vendorSigned = dir.resolve("vendor.pdf");
        new RecordSigner(RecordSigningKey.forServer(RecordSettings.defaults(),
                Files.createDirectories(dir.resolve("vendor")), clock), clock).sign(dir.resolve("a.pdf"), vendorSigned);
        RecordFile unsigned = new PdfOfRecord(RecordFonts.installed(), RecordSamples.TOKYO, clock).write(
                RecordSamples.sheet(List.of(RecordSamples.pdf("署名付き見積書.pdf", vendorSigned))), dir.resolve("r.pdf"));
        Path record = dir.resolve("r-signed.pdf");
        new RecordSigner(key, clock).sign(unsigned.file(), record);
        assertTrue(verify(record).valid(), "the record with a signed attachment verifies: " + verify(record).message());
    }

    @Test
    void theGeneratedKeyIsPrivateToTheServerAndReusedAfterARestart() throws IOException {
        Path keystore = dir.resolve("data").resolve("record-signing.p12");
        for (Path file : List.of(keystore, RecordSigningKey.passwordFile(keystore))) {
            assertEquals("rw-------", PosixFilePermissions.toString(Files.getPosixFilePermissions(file)),
                    file.getFileName() + " is readable by the server's user only");
        }
        RecordSigningKey again = RecordSigningKey.forServer(RecordSettings.defaults(), dir.resolve("data"), clock);
        assertEquals(key.fingerprint(), again.fingerprint(), "the same key is used after a restart");
        X509Certificate certificate = key.certificate();
        assertEquals(3653, Duration.between(certificate.getNotBefore().toInstant(),
                certificate.getNotAfter().toInstant()).plusMinutes(5).toDays(), "valid ten years");
        Path city = Files.createDirectories(dir.resolve("city"));
        RecordSigningKey named = RecordSigningKey.forServer(new RecordSettings(null, null, "伊織市", null, null, 1), city,
                clock);
        assertEquals("CN=Kairan 記録署名, O=伊織市", named.subject(), "the certificate names the city");
    }

    @Test
    void aCitysOwnRsaKeystoreSignsAndAConfiguredOneIsNeverCreated() throws Exception {
        Path cityStore = dir.resolve("city-pki.p12");
        writeRsaKeystore(cityStore, "city-password".toCharArray());
        RecordSettings settings = RecordSettings.defaults().withKeystore(cityStore, "city-password");
        RecordSigningKey city = RecordSigningKey.forServer(settings, dir.resolve("data"), clock);
        assertEquals("CN=伊織市 文書管理, O=伊織市", city.subject(), "the configured keystore is used");
        Path record = dir.resolve("city-signed.pdf");
        new RecordSigner(city, clock).sign(dir.resolve("unsigned.pdf"), record);
        assertTrue(new RecordVerifier(city.certificate()).verify(record).valid(), "an RSA 3072 signature verifies too");

        RecordSettings wrongPassword = RecordSettings.defaults().withKeystore(cityStore, "wrong");
        assertTrue(assertThrows(RecordException.class, () -> RecordSigningKey.forServer(wrongPassword, dir, clock))
                .getMessage().contains("パスワードが違う"), "a wrong password is explained");
        RecordSettings missing = RecordSettings.defaults().withKeystore(dir.resolve("typo.p12"), "x");
        assertThrows(RecordException.class, () -> RecordSigningKey.forServer(missing, dir, clock),
                "a configured keystore that does not exist is an error, not a new self-signed key");
        assertTrue(Files.notExists(dir.resolve("typo.p12")), "and nothing is created there");
    }

    private static void writeRsaKeystore(Path file, char[] password) throws Exception {
        KeyPairGenerator generator = KeyPairGenerator.getInstance("RSA");
        generator.initialize(3072);
        KeyPair pair = generator.generateKeyPair();
        X500Name name = new X500Name("O=伊織市, CN=伊織市 文書管理");
        Instant now = Instant.parse("2026-01-01T00:00:00Z");
        X509Certificate certificate = new JcaX509CertificateConverter().getCertificate(new JcaX509v3CertificateBuilder(
                name, BigInteger.TEN, Date.from(now), Date.from(now.plus(Duration.ofDays(3650))), name, pair.getPublic())
                .build(new JcaContentSignerBuilder("SHA256withRSA").build(pair.getPrivate())));
        KeyStore store = KeyStore.getInstance("PKCS12");
        store.load(null, null);
        store.setKeyEntry("city", pair.getPrivate(), password, new Certificate[] {certificate});
        try (OutputStream out = Files.newOutputStream(file)) {
            store.store(out, password);
        }
    }

    private static int indexOf(byte[] bytes, String text, int from) {
        int at = PdfHeader.indexOf(bytes, text.getBytes(StandardCharsets.US_ASCII), from);
        if (at < 0) {
            throw new IllegalStateException(text + " not found");
        }
        return at;
    }
}

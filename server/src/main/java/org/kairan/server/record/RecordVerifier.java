package org.kairan.server.record;

import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.NoSuchFileException;
import java.nio.file.Path;
import java.security.cert.CertificateEncodingException;
import java.security.cert.CertificateException;
import java.security.cert.X509Certificate;
import java.time.Instant;
import java.util.Arrays;
import java.util.Collection;
import java.util.HexFormat;
import java.util.List;
import java.util.Objects;

import org.apache.pdfbox.Loader;
import org.apache.pdfbox.pdmodel.PDDocument;
import org.apache.pdfbox.pdmodel.interactive.digitalsignature.PDSignature;
import org.bouncycastle.asn1.ASN1InputStream;
import org.bouncycastle.asn1.cms.Attribute;
import org.bouncycastle.asn1.cms.ContentInfo;
import org.bouncycastle.asn1.ess.SigningCertificateV2;
import org.bouncycastle.asn1.pkcs.PKCSObjectIdentifiers;
import org.bouncycastle.cert.X509CertificateHolder;
import org.bouncycastle.cert.jcajce.JcaX509CertificateConverter;
import org.bouncycastle.cms.CMSException;
import org.bouncycastle.cms.CMSSignedData;
import org.bouncycastle.cms.SignerInformation;
import org.bouncycastle.cms.jcajce.JcaSimpleSignerInfoVerifierBuilder;
import org.bouncycastle.operator.OperatorCreationException;

import org.kairan.server.record.RecordVerification.Outcome;

/**
 * Checks a PDF of record: it has exactly one signature; the signature's byte range starts at 0, leaves out
 * only its own {@code /Contents} and reaches the end of the file (nothing appended after signing); the CMS
 * signature is valid over those bytes (message digest and signature value, and the signing-certificate-v2
 * attribute names the certificate used); and the certificate is this server's. The first failure is the
 * result. Reads the file in place, without holding it in memory. Thread-safe.
 */
public final class RecordVerifier {

    private final X509Certificate serverCertificate;

    /** @param serverCertificate the certificate of the server's record-signing key */
    public RecordVerifier(X509Certificate serverCertificate) {
        this.serverCertificate = Objects.requireNonNull(serverCertificate, "serverCertificate");
    }

    public RecordVerification verify(Path pdf) {
        long size;
        try {
            size = Files.size(pdf);
        } catch (NoSuchFileException e) {
            return RecordVerification.failed(Outcome.UNREADABLE, "ファイルがありません (no such file): " + pdf);
        } catch (IOException e) {
            return RecordVerification.failed(Outcome.UNREADABLE, "ファイルを読めません (cannot read the file): " + e.getMessage());
        }
        PDSignature signature;
        try (PDDocument document = Loader.loadPDF(pdf.toFile())) {
            List<PDSignature> signatures = document.getSignatureDictionaries();
            if (signatures.isEmpty()) {
                return RecordVerification.failed(Outcome.NOT_SIGNED,
                        "署名がありません。記録PDFではないか、署名が取り除かれています (not signed)");
            }
            if (signatures.size() > 1) {
                return RecordVerification.failed(Outcome.SEVERAL_SIGNATURES, "署名が" + signatures.size()
                        + "個あります。記録PDFの署名はサーバーの一つだけです (more than one signature)");
            }
            signature = signatures.getFirst();
        } catch (IOException | RuntimeException e) {
            return RecordVerification.failed(Outcome.UNREADABLE,
                    "PDFとして読めません。壊れているか改ざんされています (not a readable PDF: " + e.getMessage() + ")");
        }
        return verifySignature(pdf, size, signature);
    }

    private RecordVerification verifySignature(Path pdf, long size, PDSignature signature) {
        int[] range = signature.getByteRange();
        if (range == null || range.length != 4 || range[0] != 0 || range[1] <= 0 || range[2] <= range[1] || range[3] < 0) {
            return tampered("署名範囲（ByteRange）が不正です (the signature's byte range is malformed: "
                    + Arrays.toString(range) + ")");
        }
        long end = (long) range[2] + range[3];
        if (end < size) {
            return RecordVerification.failed(Outcome.APPENDED, "署名の後に" + (size - end) + "バイトが追記されています。"
                    + "署名後に変更が加えられました (" + (size - end) + " bytes appended after signing: the file was changed"
                    + " by an incremental update)");
        }
        if (end > size) {
            return tampered("署名範囲がファイルの終わりを越えています。ファイルが切り詰められています (the signed range goes"
                    + " beyond the end of the file)");
        }
        SignedRanges signed = new SignedRanges(pdf, range[1], range[2], range[3]);
        try {
            CMSSignedData cms = new CMSSignedData(signed, contentInfo(signed.gap()));
            Collection<SignerInformation> signers = cms.getSignerInfos().getSigners();
            if (signers.size() != 1) {
                return tampered("署名者が" + signers.size() + "人です (the CMS signature has " + signers.size() + " signers)");
            }
            SignerInformation signer = signers.iterator().next();
            @SuppressWarnings("unchecked")
            Collection<X509CertificateHolder> matches = cms.getCertificates().getMatches(signer.getSID());
            if (matches.isEmpty()) {
                return tampered("署名者の証明書が署名に含まれていません (the signer's certificate is missing)");
            }
            X509CertificateHolder holder = matches.iterator().next();
            X509Certificate certificate = new JcaX509CertificateConverter().getCertificate(holder);
            boolean intact;
            try {
                intact = signer.verify(new JcaSimpleSignerInfoVerifierBuilder().build(holder))
                        && namesCertificate(signer, certificate);
            } catch (CMSException e) {
                intact = false;
            }
            String subject = RecordSigningKey.subject(certificate);
            String fingerprint = RecordSigningKey.fingerprint(certificate);
            Instant signedAt = signature.getSignDate() == null ? null : signature.getSignDate().toInstant();
            if (!intact) {
                return new RecordVerification(Outcome.TAMPERED, "改ざんされています。署名された内容と現在の内容が一致しません"
                        + " (tampered: the signed bytes do not match the signature)", subject, fingerprint, signedAt);
            }
            if (!Arrays.equals(certificate.getEncoded(), serverCertificate.getEncoded())) {
                return new RecordVerification(Outcome.OTHER_SIGNER, "このサーバー以外の鍵で署名されています：" + subject
                        + " (signed by another key than this server's)", subject, fingerprint, signedAt);
            }
            return new RecordVerification(Outcome.VALID, "署名は有効です。このサーバーの鍵で署名され、署名後に変更されていません"
                    + " (valid: signed by this server, unchanged since)", subject, fingerprint, signedAt);
        } catch (CMSException | IllegalArgumentException | IOException e) {
            return tampered("署名データが壊れています (the signature data is broken: " + e.getMessage() + ")");
        } catch (CertificateException | OperatorCreationException e) {
            return tampered("署名者の証明書を読めません (cannot read the signer's certificate: " + e.getMessage() + ")");
        }
    }

    /** The signing-certificate-v2 attribute, when present, must hold the hash of the certificate used. */
    private static boolean namesCertificate(SignerInformation signer, X509Certificate certificate)
            throws CertificateEncodingException {
        Attribute attribute = signer.getSignedAttributes() == null ? null
                : signer.getSignedAttributes().get(PKCSObjectIdentifiers.id_aa_signingCertificateV2);
        if (attribute == null) {
            return true;
        }
        SigningCertificateV2 value = SigningCertificateV2.getInstance(attribute.getAttrValues().getObjectAt(0));
        byte[] expected = RecordAttachment.sha256Digest().digest(certificate.getEncoded());
        return value.getCerts().length > 0 && Arrays.equals(value.getCerts()[0].getCertHash(), expected);
    }

    /** The CMS ContentInfo in a {@code <hex>} string, without the zero padding after it. */
    private static ContentInfo contentInfo(byte[] gap) throws IOException {
        if (gap[0] != '<' || gap[gap.length - 1] != '>') {
            throw new IllegalArgumentException("the signature's /Contents is not where its byte range says");
        }
        String hex = new String(gap, 1, gap.length - 2, java.nio.charset.StandardCharsets.US_ASCII).replaceAll("\\s", "");
        if (hex.length() % 2 == 1) {
            hex = hex + "0";
        }
        try (ASN1InputStream in = new ASN1InputStream(HexFormat.of().parseHex(hex))) {
            return ContentInfo.getInstance(in.readObject());
        }
    }

    private static RecordVerification tampered(String message) {
        return RecordVerification.failed(Outcome.TAMPERED, "改ざんまたは破損：" + message);
    }
}

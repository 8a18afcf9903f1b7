package org.kairan.client.kessai.internal;

import java.io.ByteArrayOutputStream;
import java.nio.charset.StandardCharsets;
import java.util.ArrayList;
import java.util.List;

/**
 * Small PDFs written byte by byte for the tests (the client bundle has no PDF library): a readable one-page
 * document, and one protected by a password, as a 主事 may scan or export them.
 */
public final class Pdfs {

    private Pdfs() {
    }

    /** A valid one-page PDF showing {@code text} (ASCII), with a correct cross-reference table. */
    public static byte[] onePage(String text) {
        String stream = "BT /F1 18 Tf 72 720 Td (" + text + ") Tj ET";
        return document(List.of(
                "<< /Type /Catalog /Pages 2 0 R >>",
                "<< /Type /Pages /Kids [3 0 R] /Count 1 >>",
                "<< /Type /Page /Parent 2 0 R /MediaBox [0 0 595 842] /Contents 4 0 R "
                        + "/Resources << /Font << /F1 5 0 R >> >> >>",
                "<< /Length " + stream.length() + " >>\nstream\n" + stream + "\nendstream",
                "<< /Type /Font /Subtype /Type1 /BaseFont /Helvetica >>"), "");
    }

    /**
     * A PDF whose trailer says it is encrypted with the standard security handler (RC4, revision 2) and whose
     * user password is not empty: no reader opens it without the password.
     */
    public static byte[] passwordProtected() {
        String o = "<" + "6e2d1a7f3c9b4e58".repeat(4) + ">";
        String u = "<" + "a1b2c3d4e5f60718".repeat(4) + ">";
        return document(List.of(
                "<< /Type /Catalog /Pages 2 0 R >>",
                "<< /Type /Pages /Kids [3 0 R] /Count 1 >>",
                "<< /Type /Page /Parent 2 0 R /MediaBox [0 0 595 842] >>",
                "<< /Filter /Standard /V 1 /R 2 /O " + o + " /U " + u + " /P -3904 >>"),
                " /Encrypt 4 0 R /ID [<0123456789abcdef0123456789abcdef> <0123456789abcdef0123456789abcdef>]");
    }

    private static byte[] document(List<String> objects, String trailerExtra) {
        ByteArrayOutputStream out = new ByteArrayOutputStream();
        write(out, "%PDF-1.4\n%\u00e2\u00e3\u00cf\u00d3\n");
        List<Integer> offsets = new ArrayList<>();
        for (int i = 0; i < objects.size(); i++) {
            offsets.add(out.size());
            write(out, (i + 1) + " 0 obj\n" + objects.get(i) + "\nendobj\n");
        }
        int xref = out.size();
        StringBuilder table = new StringBuilder("xref\n0 " + (objects.size() + 1) + "\n0000000000 65535 f \n");
        for (int offset : offsets) {
            table.append(String.format("%010d 00000 n \n", offset));
        }
        write(out, table.toString());
        write(out, "trailer\n<< /Size " + (objects.size() + 1) + " /Root 1 0 R" + trailerExtra + " >>\nstartxref\n"
                + xref + "\n%%EOF\n");
        return out.toByteArray();
    }

    private static void write(ByteArrayOutputStream out, String text) {
        out.writeBytes(text.getBytes(StandardCharsets.ISO_8859_1));
    }
}

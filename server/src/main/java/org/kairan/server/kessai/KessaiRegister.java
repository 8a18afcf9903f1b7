package org.kairan.server.kessai;

import java.nio.charset.Charset;
import java.time.LocalDate;
import java.time.ZoneId;
import java.util.List;
import java.util.Optional;

import org.kairan.core.kessai.ActionKind;
import org.kairan.core.kessai.DocumentClass;
import org.kairan.core.kessai.Kessai;
import org.kairan.core.kessai.KessaiEvent;
import org.kairan.core.kessai.KessaiSettings;
import org.kairan.core.kessai.KessaiStatus;
import org.kairan.core.time.Wareki;

/**
 * The 決裁簿 of a 課 as CSV, the way Japanese offices open it in Excel: a header row, CRLF line ends, RFC
 * 4180 quoting, 和暦 dates, and either UTF-8 with a BOM (so Excel recognises it) or Shift_JIS (Windows-31J,
 * for older Excel and other 庁内 systems).
 */
final class KessaiRegister {

    static final List<String> COLUMNS = List.of("文書番号", "起案日", "決裁日", "件名", "文書分類", "保存年限", "決裁区分", "金額",
            "起案者所属", "起案者", "決裁者所属", "決裁者役職", "決裁者", "代決", "結果");

    private final KessaiSettings settings;
    private final ZoneId zone;

    KessaiRegister(KessaiSettings settings, ZoneId zone) {
        this.settings = settings;
        this.zone = zone;
    }

    /** The register's text (without BOM); encode it with {@link #encode}. */
    String csv(List<Kessai> closed) {
        StringBuilder out = new StringBuilder();
        row(out, COLUMNS);
        for (Kessai k : closed) {
            Optional<KessaiEvent> decision = k.status() == KessaiStatus.WITHDRAWN ? Optional.empty()
                    : k.history().reversed().stream()
                            .filter(e -> e.action() == ActionKind.APPROVE || e.action() == ActionKind.REJECT).findFirst();
            LocalDate decided = k.decidedAt() == null ? null : LocalDate.ofInstant(k.decidedAt(), zone);
            row(out, List.of(
                    k.documentNumber() == null ? "" : k.documentNumber(),
                    Wareki.format(k.draftDate()),
                    decided == null ? "" : Wareki.format(decided),
                    k.title(),
                    k.classification(),
                    settings.documentClass(k.classification()).map(DocumentClass::retentionLabel).orElse(""),
                    k.decisionKind(),
                    k.amountYen() == 0 ? "" : Long.toString(k.amountYen()),
                    k.route().drafter().unitName(),
                    k.route().drafter().name(),
                    decision.map(e -> e.actor().unitName()).orElse(""),
                    decision.map(e -> e.actor().position()).orElse(""),
                    decision.map(e -> e.actor().name()).orElse(""),
                    decision.filter(KessaiEvent::isActing).map(e -> e.onBehalfOf().position() + " " + e.onBehalfOf().name()
                            + " の代決").orElse(""),
                    decision.map(KessaiEvent::outcome).orElse(k.status().label())));
        }
        return out.toString();
    }

    /** UTF-8 with a BOM, or Windows-31J; characters Shift_JIS lacks become 〓 (げた) rather than failing. */
    static byte[] encode(String text, boolean shiftJis) {
        if (!shiftJis) {
            byte[] body = text.getBytes(java.nio.charset.StandardCharsets.UTF_8);
            byte[] withBom = new byte[body.length + 3];
            withBom[0] = (byte) 0xEF;
            withBom[1] = (byte) 0xBB;
            withBom[2] = (byte) 0xBF;
            System.arraycopy(body, 0, withBom, 3, body.length);
            return withBom;
        }
        Charset sjis = Charset.forName("windows-31j");
        java.nio.charset.CharsetEncoder encoder = sjis.newEncoder()
                .onUnmappableCharacter(java.nio.charset.CodingErrorAction.REPLACE)
                .replaceWith("〓".getBytes(sjis));
        try {
            java.nio.ByteBuffer bytes = encoder.encode(java.nio.CharBuffer.wrap(text));
            byte[] result = new byte[bytes.remaining()];
            bytes.get(result);
            return result;
        } catch (java.nio.charset.CharacterCodingException e) {
            throw new IllegalStateException("Windows-31J replaces what it cannot encode", e);
        }
    }

    /** A cell Excel would read as a formula (=, +, -, @ first) is kept as text with a leading apostrophe. */
    private static String spreadsheetSafe(String cell) {
        return !cell.isEmpty() && "=+-@".indexOf(cell.charAt(0)) >= 0 && !cell.matches("-?\\d+") ? "'" + cell : cell;
    }

    private static void row(StringBuilder out, List<String> cells) {
        for (int i = 0; i < cells.size(); i++) {
            if (i > 0) {
                out.append(',');
            }
            String cell = spreadsheetSafe(cells.get(i));
            if (cell.indexOf(',') >= 0 || cell.indexOf('"') >= 0 || cell.indexOf('\n') >= 0 || cell.indexOf('\r') >= 0) {
                out.append('"').append(cell.replace("\"", "\"\"")).append('"');
            } else {
                out.append(cell);
            }
        }
        out.append("\r\n");
    }
}

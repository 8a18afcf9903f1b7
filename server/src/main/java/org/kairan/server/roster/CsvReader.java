package org.kairan.server.roster;

import java.util.ArrayList;
import java.util.List;

/**
 * Reads CSV as RFC 4180 describes it: fields separated by commas, records by CRLF (a lone LF or CR
 * too), fields in double quotes may contain commas, line breaks and doubled quotes. A quote inside
 * an unquoted field is taken literally, as Excel does.
 */
public final class CsvReader {

    public List<CsvRecord> read(String text) {
        List<CsvRecord> records = new ArrayList<>();
        int length = text.length();
        int pos = 0;
        int line = 1;
        while (pos < length) {
            int startLine = line;
            int start = pos;
            List<String> fields = new ArrayList<>();
            StringBuilder field = new StringBuilder();
            boolean quoted = false;
            boolean fieldStart = true;
            String error = null;
            boolean recordDone = false;
            while (pos < length && !recordDone) {
                char c = text.charAt(pos);
                if (quoted) {
                    if (c == '"') {
                        if (pos + 1 < length && text.charAt(pos + 1) == '"') {
                            field.append('"');
                            pos += 2;
                        } else {
                            quoted = false;
                            pos++;
                        }
                    } else {
                        if (c == '\n' || (c == '\r' && !(pos + 1 < length && text.charAt(pos + 1) == '\n'))) {
                            line++;
                        }
                        field.append(c);
                        pos++;
                    }
                    continue;
                }
                switch (c) {
                    case '"' -> {
                        if (fieldStart) {
                            quoted = true;
                        } else {
                            field.append(c);
                        }
                        fieldStart = false;
                        pos++;
                    }
                    case ',' -> {
                        fields.add(field.toString());
                        field.setLength(0);
                        fieldStart = true;
                        pos++;
                    }
                    case '\r', '\n' -> {
                        pos += (c == '\r' && pos + 1 < length && text.charAt(pos + 1) == '\n') ? 2 : 1;
                        line++;
                        recordDone = true;
                    }
                    default -> {
                        field.append(c);
                        fieldStart = false;
                        pos++;
                    }
                }
            }
            if (quoted) {
                error = "引用符（\"）が閉じられていません";
            }
            fields.add(field.toString());
            String raw = text.substring(start, pos).stripTrailing();
            records.add(new CsvRecord(startLine, fields, raw, error));
        }
        return records;
    }
}

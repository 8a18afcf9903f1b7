package org.kairan.server.roster;

import java.text.Normalizer;
import java.time.DateTimeException;
import java.time.LocalDate;
import java.util.ArrayList;
import java.util.EnumSet;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.Set;
import java.util.regex.Matcher;
import java.util.regex.Pattern;

import org.kairan.core.organisation.AssignmentKind;
import org.kairan.core.organisation.OrgUnit;
import org.kairan.core.organisation.Role;
import org.kairan.core.organisation.UnitKind;
import org.kairan.core.protocol.RejectedRow;
import org.kairan.server.roster.RosterRows.StaffLine;
import org.kairan.server.roster.RosterRows.UnitLine;

/**
 * Checks roster rows the way a personnel section would, and says in Japanese what is wrong with each
 * row it rejects. It only reads: the organisation already stored is given to it.
 */
final class RosterValidator {

    static final List<String> UNIT_REQUIRED = List.of("組織コード", "区分", "名称");
    static final List<String> UNIT_OPTIONAL = List.of("上位組織コード", "かな", "略称", "表示順");
    static final List<String> STAFF_REQUIRED = List.of("職員番号", "氏名", "かな", "所属コード", "役職", "発令日");
    static final List<String> STAFF_OPTIONAL = List.of("メールアドレス", "区分", "権限");

    private static final Pattern CODE = Pattern.compile("[0-9A-Za-z_-]{1,32}");
    private static final Pattern ISO_DATE = Pattern.compile("(\\d{4})-(\\d{2})-(\\d{2})");
    private static final Pattern SLASH_DATE = Pattern.compile("(\\d{4})/(\\d{1,2})/(\\d{1,2})");
    private static final Pattern MAIL = Pattern.compile("[^@\\s]+@[^@\\s]+\\.[^@\\s]+");
    private static final Pattern ROLE_SEPARATORS = Pattern.compile("[・,、;；/／\\s]+");
    private static final int MAX_TEXT = 128;

    private final Map<String, OrgUnit> storedUnits;
    private final Set<String> positions;
    private final List<RejectedRow> rejected = new ArrayList<>();

    /**
     * @param storedUnits the units already in the database, by code
     * @param positions   the 役職 table
     */
    RosterValidator(Map<String, OrgUnit> storedUnits, Set<String> positions) {
        this.storedUnits = storedUnits;
        this.positions = positions;
    }

    List<RejectedRow> rejected() {
        return rejected;
    }

    void reject(int line, String reason, String text) {
        rejected.add(new RejectedRow(line, reason, text));
    }

    // --- units.csv ------------------------------------------------------------------------------

    List<UnitLine> units(String fileLabel, List<CsvRecord> records) {
        Map<String, Integer> seen = new HashMap<>();
        List<UnitLine> candidates = new ArrayList<>();
        for (Row row : wellFormedRows(fileLabel, records, UNIT_REQUIRED, UNIT_OPTIONAL)) {
            CsvRecord record = row.record;
            String code = code(row.get("組織コード"));
            String parent = code(row.get("上位組織コード"));
            Optional<UnitKind> kind = UnitKind.fromLabel(row.get("区分"));
            String name = row.get("名称");
            String kana = row.get("かな");
            String sort = Normalizer.normalize(row.get("表示順"), Normalizer.Form.NFKC);
            if (code.isEmpty()) {
                row.problem("組織コードがありません");
            } else if (!CODE.matcher(code).matches()) {
                row.problem("組織コード「" + code + "」は英数字32文字以内にしてください");
            } else if (seen.containsKey(code)) {
                row.problem("組織コード " + code + " が " + seen.get(code) + " 行目と重複しています");
            }
            if (kind.isEmpty()) {
                row.problem("区分「" + row.get("区分") + "」は部局・部・課・係のいずれかにしてください");
            }
            if (name.isEmpty()) {
                row.problem("名称がありません");
            } else if (name.length() > MAX_TEXT) {
                row.problem("名称が長すぎます（" + MAX_TEXT + "文字まで）");
            }
            Optional<String> reading = kana.isEmpty() ? Optional.of("") : kana(kana);
            if (reading.isEmpty()) {
                row.problem("かな「" + kana + "」にひらがな・カタカナ以外の文字があります");
            }
            int sortOrder = 0;
            if (!sort.isEmpty()) {
                try {
                    sortOrder = Integer.parseInt(sort);
                } catch (NumberFormatException e) {
                    row.problem("表示順「" + row.get("表示順") + "」は整数ではありません");
                }
            }
            if (kind.isPresent() && kind.get() == UnitKind.BUREAU && !parent.isEmpty()) {
                row.problem("部局には上位組織コードを指定できません");
            } else if (kind.isPresent() && kind.get() != UnitKind.BUREAU && parent.isEmpty()) {
                row.problem("上位組織コードがありません（部局以外は必須です）");
            } else if (!parent.isEmpty() && parent.equals(code)) {
                row.problem("上位組織コードが自分自身です");
            }
            if (!code.isEmpty() && !seen.containsKey(code)) {
                seen.put(code, record.line());
            }
            if (row.rejectInto(this, fileLabel)) {
                continue;
            }
            candidates.add(new UnitLine(record.line(), new OrgUnit(code, parent.isEmpty() ? null : parent, kind.get(),
                    name, reading.get(), row.get("略称"), sortOrder)));
        }
        return checkParents(fileLabel, candidates, records);
    }

    /** Every parent must exist (in the file or already stored) and be of a higher level. */
    private List<UnitLine> checkParents(String fileLabel, List<UnitLine> candidates, List<CsvRecord> records) {
        Map<String, OrgUnit> all = new HashMap<>(storedUnits);
        candidates.forEach(u -> all.put(u.unit().code(), u.unit()));
        List<UnitLine> valid = new ArrayList<>();
        for (UnitLine line : candidates) {
            OrgUnit unit = line.unit();
            if (!unit.isTopLevel()) {
                OrgUnit parent = all.get(unit.parentCode());
                String problem = null;
                if (parent == null) {
                    problem = "上位組織コード " + unit.parentCode() + " は組織にありません";
                } else if (parent.kind().ordinal() >= unit.kind().ordinal()) {
                    problem = unit.kind().label() + "（" + unit.name() + "）の上位に" + parent.kind().label() + "（"
                            + parent.name() + "）は置けません";
                }
                if (problem != null) {
                    reject(line.line(), fileLabel + problem, textOf(records, line.line()));
                    continue;
                }
            }
            valid.add(line);
        }
        return valid;
    }

    // --- staff.csv ------------------------------------------------------------------------------

    /**
     * @param unitCodes the codes of every unit the staff may belong to (stored and imported)
     */
    List<StaffLine> staff(String fileLabel, List<CsvRecord> records, Set<String> unitCodes) {
        Map<String, StaffLine> firstRowOf = new HashMap<>();
        Map<String, Integer> primaryOn = new HashMap<>();
        List<StaffLine> valid = new ArrayList<>();
        for (Row row : wellFormedRows(fileLabel, records, STAFF_REQUIRED, STAFF_OPTIONAL)) {
            CsvRecord record = row.record;
            String staffNo = code(row.get("職員番号"));
            String name = row.get("氏名");
            String kanaText = row.get("かな");
            String email = row.get("メールアドレス");
            String unitCode = code(row.get("所属コード"));
            String position = row.get("役職");
            if (staffNo.isEmpty()) {
                row.problem("職員番号がありません");
            } else if (!CODE.matcher(staffNo).matches()) {
                row.problem("職員番号「" + staffNo + "」は英数字32文字以内にしてください");
            }
            if (name.isEmpty()) {
                row.problem("氏名がありません");
            } else if (name.length() > MAX_TEXT) {
                row.problem("氏名が長すぎます（" + MAX_TEXT + "文字まで）");
            }
            Optional<String> kana = Optional.empty();
            if (kanaText.isEmpty()) {
                row.problem("かながありません");
            } else {
                kana = kana(kanaText);
                if (kana.isEmpty()) {
                    row.problem("かな「" + kanaText + "」にひらがな・カタカナ以外の文字があります");
                }
            }
            if (!email.isEmpty() && (!MAIL.matcher(email).matches() || email.length() > 254)) {
                row.problem("メールアドレス「" + email + "」の形式が正しくありません");
            }
            if (unitCode.isEmpty()) {
                row.problem("所属コードがありません");
            } else if (!unitCodes.contains(unitCode)) {
                row.problem("所属コード " + unitCode + " は組織にありません");
            }
            if (position.isEmpty()) {
                row.problem("役職がありません");
            } else if (!positions.contains(position)) {
                row.problem("役職「" + position + "」は役職表にありません");
            }
            Optional<LocalDate> date = date(row.get("発令日"));
            if (row.get("発令日").isEmpty()) {
                row.problem("発令日がありません");
            } else if (date.isEmpty()) {
                row.problem("発令日「" + row.get("発令日") + "」は日付として読めません（例: 2026-04-01 または 2026/4/1）");
            }
            String kindText = row.get("区分");
            Optional<AssignmentKind> kind = kindText.isEmpty() ? Optional.of(AssignmentKind.PRIMARY)
                    : AssignmentKind.fromLabel(kindText);
            if (kind.isEmpty()) {
                row.problem("区分「" + kindText + "」は本務・兼務のいずれかにしてください");
            }
            Set<Role> roles = EnumSet.noneOf(Role.class);
            for (String label : ROLE_SEPARATORS.split(row.get("権限"))) {
                if (label.isEmpty()) {
                    continue;
                }
                Optional<Role> role = Role.fromLabel(label);
                if (role.isEmpty()) {
                    row.problem("権限「" + label + "」は空欄・管理者・監査のいずれかにしてください");
                } else {
                    roles.add(role.get());
                }
            }
            StaffLine earlier = firstRowOf.get(staffNo);
            if (earlier != null && !name.isEmpty() && !earlier.name().equals(name)) {
                row.problem("職員番号 " + staffNo + " は " + earlier.line() + " 行目で別の氏名（" + earlier.name()
                        + "）になっています");
            } else if (earlier != null && kana.isPresent() && !earlier.kana().equals(kana.get())) {
                row.problem("職員番号 " + staffNo + " は " + earlier.line() + " 行目で別のかな（" + earlier.kana()
                        + "）になっています");
            } else if (earlier != null && !earlier.email().equals(email)) {
                row.problem("職員番号 " + staffNo + " は " + earlier.line() + " 行目で別のメールアドレス（"
                        + earlier.email() + "）になっています");
            }
            if (kind.isPresent() && kind.get() == AssignmentKind.PRIMARY && date.isPresent() && !staffNo.isEmpty()) {
                String key = staffNo + "|" + date.get();
                Integer other = primaryOn.get(key);
                if (other != null) {
                    row.problem("職員番号 " + staffNo + " の本務が " + other + " 行目と同じ発令日（" + date.get()
                            + "）で2つあります");
                } else {
                    primaryOn.put(key, record.line());
                }
            }
            if (row.rejectInto(this, fileLabel)) {
                continue;
            }
            StaffLine line = new StaffLine(record.line(), staffNo, name, kana.get(), email, unitCode, position,
                    date.get(), kind.get(), roles);
            firstRowOf.putIfAbsent(staffNo, line);
            valid.add(line);
        }
        return valid;
    }

    // --- shared ---------------------------------------------------------------------------------

    /**
     * The body rows of a file with a valid header; rows with the wrong number of columns are rejected
     * here, and a file without a valid header has no rows (the header was rejected).
     */
    private List<Row> wellFormedRows(String fileLabel, List<CsvRecord> records, List<String> required,
            List<String> optional) {
        Optional<RosterColumns> columns = header(fileLabel, records, required, optional);
        if (columns.isEmpty()) {
            return List.of();
        }
        List<Row> rows = new ArrayList<>();
        for (CsvRecord record : body(records)) {
            String problem = shape(record, columns.get());
            if (problem != null) {
                reject(record.line(), fileLabel + problem, record.text());
            } else {
                rows.add(new Row(record, columns.get()));
            }
        }
        return rows;
    }

    private Optional<RosterColumns> header(String fileLabel, List<CsvRecord> records, List<String> required,
            List<String> optional) {
        if (records.isEmpty() || records.stream().allMatch(CsvRecord::isBlank)) {
            reject(1, fileLabel + "ファイルが空です", "");
            return Optional.empty();
        }
        CsvRecord header = records.getFirst();
        RosterColumns.Result result = RosterColumns.of(header, required, optional);
        if (result.error() != null) {
            reject(header.line(), fileLabel + result.error(), header.text());
            return Optional.empty();
        }
        return Optional.of(result.columns());
    }

    private static List<CsvRecord> body(List<CsvRecord> records) {
        return records.subList(1, records.size()).stream().filter(r -> !r.isBlank()).toList();
    }

    private static String shape(CsvRecord record, RosterColumns columns) {
        if (record.error() != null) {
            return record.error();
        }
        if (record.fields().size() != columns.count()) {
            return "列の数が見出し行と違います（見出し " + columns.count() + " 列、この行 " + record.fields().size() + " 列）";
        }
        return null;
    }

    private static String textOf(List<CsvRecord> records, int line) {
        return records.stream().filter(r -> r.line() == line).map(CsvRecord::text).findFirst().orElse("");
    }

    /** Codes typed with full-width digits are the same codes. */
    private static String code(String value) {
        return Normalizer.normalize(value, Normalizer.Form.NFKC).strip();
    }

    /**
     * A reading in hiragana: katakana (full- or half-width) is turned into hiragana, spaces into the
     * full-width space; anything else (漢字, Latin letters, digits) makes it unreadable.
     */
    static Optional<String> kana(String text) {
        String nfkc = Normalizer.normalize(text, Normalizer.Form.NFKC).strip();
        StringBuilder out = new StringBuilder(nfkc.length());
        boolean lastSpace = false;
        for (int i = 0; i < nfkc.length(); i++) {
            char c = nfkc.charAt(i);
            if (c == ' ' || c == '\u3000') {
                if (!lastSpace) {
                    out.append('\u3000');
                }
                lastSpace = true;
                continue;
            }
            lastSpace = false;
            if (c >= '\u30A1' && c <= '\u30F6') {
                out.append((char) (c - 0x60));
            } else if ((c >= '\u3041' && c <= '\u3096') || c == '\u309D' || c == '\u309E' || c == '\u30FC'
                    || c == '\u30FB' || c == '\u30FD' || c == '\u30FE') {
                out.append(c);
            } else {
                return Optional.empty();
            }
        }
        return Optional.of(out.toString());
    }

    /** 2026-04-01 or 2026/4/1 (full-width digits too). */
    static Optional<LocalDate> date(String text) {
        String value = Normalizer.normalize(text, Normalizer.Form.NFKC).strip();
        Matcher m = ISO_DATE.matcher(value);
        if (!m.matches()) {
            m = SLASH_DATE.matcher(value);
            if (!m.matches()) {
                return Optional.empty();
            }
        }
        try {
            return Optional.of(LocalDate.of(Integer.parseInt(m.group(1)), Integer.parseInt(m.group(2)),
                    Integer.parseInt(m.group(3))));
        } catch (DateTimeException e) {
            return Optional.empty();
        }
    }

    /** A record being checked: its values and the problems found so far. */
    private static final class Row {
        private final CsvRecord record;
        private final RosterColumns columns;
        private final List<String> problems = new ArrayList<>();

        Row(CsvRecord record, RosterColumns columns) {
            this.record = record;
            this.columns = columns;
        }

        String get(String column) {
            return columns.get(record, column);
        }

        void problem(String reason) {
            problems.add(reason);
        }

        /** Reports the row if anything was wrong with it; returns whether it was rejected. */
        boolean rejectInto(RosterValidator validator, String fileLabel) {
            if (problems.isEmpty()) {
                return false;
            }
            validator.reject(record.line(), fileLabel + String.join("。", problems), record.text());
            return true;
        }
    }
}

package org.kairan.core.kessai;

import java.text.Normalizer;
import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.stream.Collectors;

/**
 * 事務決裁規程 as data: for each 決裁区分, rows of ascending ceilings in yen, each with the 役職 that
 * decides up to it, ending with a row without ceiling. Immutable.
 *
 * <h2>Text format ({@link #parse(String)})</h2>
 * One row a line: {@code 決裁区分 上限 役職}, separated by spaces (全角 space too).
 * <ul>
 * <li>上限 is {@code ≤200000} (also {@code ≦}, {@code <=}; optional {@code ¥}/{@code ￥}, {@code 円},
 *     commas, 全角 digits), inclusive; or {@code *} for 上限なし.</li>
 * <li>The rows of a kind are in ascending order of ceiling and the last one is {@code *}, so that every
 *     amount has a deciding 役職.</li>
 * <li>{@code #} starts a comment; blank lines are ignored.</li>
 * </ul>
 * <pre>
 * 物品購入 ≤200000 課長
 * 物品購入 ≤1,000,000 部長
 * 物品購入 * 市長
 * 一般 * 課長
 * </pre>
 */
public final class DecisionRules {

    /** The demo city's table (伊織市). */
    public static final String STANDARD_TEXT = """
            # 伊織市事務決裁規程（別表）: 決裁区分 上限(円) 決裁権者
            物品購入 ≤200000 課長
            物品購入 ≤1000000 部長
            物品購入 ≤5000000 副市長
            物品購入 * 市長
            契約 ≤1000000 課長
            契約 ≤5000000 部長
            契約 ≤30000000 副市長
            契約 * 市長
            支出負担行為 ≤500000 課長
            支出負担行為 ≤3000000 部長
            支出負担行為 ≤10000000 副市長
            支出負担行為 * 市長
            一般 * 課長
            一般（重要） * 部長
            一般（特に重要） * 市長
            """;

    private final List<DecisionRule> rows;
    private final Map<String, List<DecisionRule>> byKind;

    /** @throws DecisionRulesException naming the row (1-based) when the table is not usable */
    public DecisionRules(List<DecisionRule> rows) {
        this(rows, null);
    }

    private DecisionRules(List<DecisionRule> rows, List<Integer> lines) {
        this.rows = List.copyOf(rows);
        if (this.rows.isEmpty()) {
            throw new DecisionRulesException(0, "事務決裁規程に行がありません (the decision rules table is empty)");
        }
        Map<String, List<DecisionRule>> kinds = new LinkedHashMap<>();
        Map<String, Integer> lastLine = new LinkedHashMap<>();
        for (int i = 0; i < this.rows.size(); i++) {
            DecisionRule row = this.rows.get(i);
            int line = lines == null ? i + 1 : lines.get(i);
            List<DecisionRule> ofKind = kinds.computeIfAbsent(row.kind(), k -> new ArrayList<>());
            if (!ofKind.isEmpty()) {
                DecisionRule previous = ofKind.getLast();
                if (!previous.hasCeiling()) {
                    throw new DecisionRulesException(line, where(line, row) + "「" + row.kind()
                            + "」は上限なし(*)の行の後に続けられません (no row may follow the * row of its kind)");
                }
                if (row.hasCeiling() && row.ceilingYen() <= previous.ceilingYen()) {
                    throw new DecisionRulesException(line, where(line, row) + "上限は前の行（" + previous.ceilingYen()
                            + "円）より大きくしてください (ceilings of a kind must ascend)");
                }
            }
            ofKind.add(row);
            lastLine.put(row.kind(), line);
        }
        for (Map.Entry<String, List<DecisionRule>> kind : kinds.entrySet()) {
            if (kind.getValue().getLast().hasCeiling()) {
                int line = lastLine.get(kind.getKey());
                throw new DecisionRulesException(line, where(line, kind.getValue().getLast()) + "「" + kind.getKey()
                        + "」に上限なし(*)の行がありません (each kind needs a last row with ceiling *)");
            }
            kind.setValue(List.copyOf(kind.getValue()));
        }
        this.byKind = Map.copyOf(kinds);
    }

    /** The demo city's table, {@link #STANDARD_TEXT}. */
    public static DecisionRules standard() {
        return parse(STANDARD_TEXT);
    }

    /** Reads the text format described above. */
    public static DecisionRules parse(String text) {
        List<DecisionRule> rows = new ArrayList<>();
        List<Integer> lines = new ArrayList<>();
        String[] all = text.split("\\R", -1);
        for (int i = 0; i < all.length; i++) {
            String line = all[i];
            int hash = line.indexOf('#');
            String content = (hash >= 0 ? line.substring(0, hash) : line).replace('\u3000', ' ').strip();
            if (content.isEmpty()) {
                continue;
            }
            String[] cols = content.split("\\s+");
            int number = i + 1;
            if (cols.length != 3) {
                throw new DecisionRulesException(number, number + "行目「" + line.strip()
                        + "」: 「決裁区分 上限 役職」の3項目が必要です (line " + number
                        + ": expected 3 columns 'kind ceiling position', found " + cols.length + ")");
            }
            rows.add(new DecisionRule(cols[0], ceiling(cols[1], number, line), cols[2]));
            lines.add(number);
        }
        return new DecisionRules(rows, lines);
    }

    private static Long ceiling(String token, int number, String line) {
        String t = Normalizer.normalize(token, Normalizer.Form.NFKC);
        if (t.equals("*")) {
            return null;
        }
        String digits = t.replaceFirst("^(≤|≦|<=)", "");
        boolean hadOperator = !digits.equals(t);
        digits = digits.replaceFirst("^[¥\\\\]", "").replaceFirst("円$", "").replace(",", "");
        if (!hadOperator || !digits.matches("[0-9]{1,15}")) {
            throw new DecisionRulesException(number, number + "行目「" + line.strip() + "」: 上限「" + token
                    + "」は「≤金額」か「*」で書いてください (line " + number + ": ceiling must be ≤amount in yen or *)");
        }
        return Long.parseLong(digits);
    }

    private static String where(int line, DecisionRule row) {
        return line + "行目「" + row.kind() + " " + (row.hasCeiling() ? "≤" + row.ceilingYen() : "*") + " "
                + row.position() + "」: ";
    }

    /**
     * The deciding 役職 for a matter: the lowest row of the kind whose ceiling covers the amount.
     *
     * @param kind      決裁区分
     * @param amountYen 金額 in yen; 0 for matters without an amount
     * @throws RouteException ({@link RouteException.Reason#UNKNOWN_KIND}) when the kind has no row
     */
    public String decidingPosition(String kind, long amountYen) {
        if (amountYen < 0) {
            throw new IllegalArgumentException("金額は0円以上です (amount must not be negative): " + amountYen);
        }
        List<DecisionRule> ofKind = byKind.get(kind);
        if (ofKind == null) {
            throw new RouteException(RouteException.Reason.UNKNOWN_KIND, "決裁区分「" + kind
                    + "」は事務決裁規程にありません (no decision rule for kind '" + kind + "'; known: " + kinds() + ")");
        }
        return ofKind.stream().filter(r -> r.covers(amountYen)).findFirst().orElseThrow().position();
    }

    /** 決裁区分 in the order of the table. */
    public List<String> kinds() {
        return rows.stream().map(DecisionRule::kind).distinct().toList();
    }

    public List<DecisionRule> rows() {
        return rows;
    }

    /** The table in the text format; {@code parse(format())} gives an equal table. */
    public String format() {
        return rows.stream().map(r -> r.kind() + " " + (r.hasCeiling() ? "≤" + r.ceilingYen() : "*") + " " + r.position())
                .collect(Collectors.joining("\n", "", "\n"));
    }

    @Override
    public boolean equals(Object other) {
        return other instanceof DecisionRules that && rows.equals(that.rows);
    }

    @Override
    public int hashCode() {
        return rows.hashCode();
    }

    @Override
    public String toString() {
        return "DecisionRules" + rows;
    }
}

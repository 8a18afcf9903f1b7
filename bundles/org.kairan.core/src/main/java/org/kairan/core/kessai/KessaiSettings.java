package org.kairan.core.kessai;

import java.util.ArrayList;
import java.util.List;
import java.util.Objects;
import java.util.Optional;

/**
 * The city's 決裁 settings, as the server has them configured and the feed carries them to every
 * desktop, so that a route can be drafted offline exactly as the server will check it.
 *
 * @param decisionRules   事務決裁規程 in its text form ({@link DecisionRules#parse})
 * @param substituteOrder 代決順 in its text form ({@link SubstituteRules#parse})
 * @param classes         文書分類 with their 保存年限, in display order
 * @param numberPattern   文書番号 pattern ({@link DocumentNumberFormat})
 * @param cityAbbreviation the city's 略称 in 文書番号
 * @param numberAt        when 文書番号 are given
 * @param maxFileBytes    the largest file that may be attached
 */
public record KessaiSettings(String decisionRules, String substituteOrder, List<DocumentClass> classes,
        String numberPattern, String cityAbbreviation, Numbering numberAt, long maxFileBytes) {

    /** The single id of the settings record in the feed. */
    public static final String FEED_ID = "current";

    /** When a 文書番号 is allocated. */
    public enum Numbering {
        /** 起案番号: at the first submission. */
        SUBMISSION,
        /** 決裁番号: when decided. */
        DECISION
    }

    /** The 文書分類 of a city that configured none. */
    public static final String STANDARD_CLASSES = """
            # 文書分類 = 保存年限（1, 3, 5, 10, 30 または 永年）
            例規・条例 = 永年
            予算・決算 = 30
            人事 = 30
            許認可 = 10
            事業計画 = 10
            契約・財務 = 5
            照会・回答 = 3
            一般庶務 = 1
            """;

    public KessaiSettings {
        Objects.requireNonNull(decisionRules, "decisionRules");
        Objects.requireNonNull(substituteOrder, "substituteOrder");
        classes = List.copyOf(classes);
        Objects.requireNonNull(numberPattern, "numberPattern");
        Objects.requireNonNull(numberAt, "numberAt");
    }

    public DecisionRules rules() {
        return DecisionRules.parse(decisionRules);
    }

    public SubstituteRules substitutes() {
        return SubstituteRules.parse(substituteOrder);
    }

    public DocumentNumberFormat numberFormat() {
        return new DocumentNumberFormat(numberPattern, cityAbbreviation);
    }

    public Optional<DocumentClass> documentClass(String name) {
        return classes.stream().filter(c -> c.name().equals(name)).findFirst();
    }

    /**
     * Reads 文書分類 lines {@code 名称 = 年数|永年}.
     *
     * @throws DecisionRulesException naming the line that is not of that form
     */
    public static List<DocumentClass> parseClasses(String text) {
        List<DocumentClass> classes = new ArrayList<>();
        String[] lines = text.split("\\R");
        for (int i = 0; i < lines.length; i++) {
            String line = lines[i].strip();
            if (line.isEmpty() || line.startsWith("#")) {
                continue;
            }
            int eq = line.indexOf('=');
            try {
                if (eq <= 0) {
                    throw new IllegalArgumentException("「=」がありません (no '=')");
                }
                String years = line.substring(eq + 1).strip().replace("年", "");
                classes.add(new DocumentClass(line.substring(0, eq).strip(),
                        years.equals("永") ? DocumentClass.PERMANENT : Integer.parseInt(years)));
            } catch (IllegalArgumentException e) {
                throw new DecisionRulesException(i + 1, (i + 1) + "行目: 文書分類の行は「名称 = 年数」または「名称 = 永年」です: " + line
                        + " — " + e.getMessage());
            }
        }
        if (classes.isEmpty()) {
            throw new DecisionRulesException(0, "文書分類が一つもありません (no document classes)");
        }
        return classes;
    }

    /** The largest file a desktop may send: the city's limit, else the standard one (before settings arrive). */
    public static long maxFileBytes(java.util.Optional<KessaiSettings> settings) {
        return settings.map(KessaiSettings::maxFileBytes).filter(max -> max > 0).orElse(standard().maxFileBytes());
    }

    /** The settings a city gets when it configured nothing. */
    public static KessaiSettings standard() {
        return new KessaiSettings(DecisionRules.STANDARD_TEXT, SubstituteRules.STANDARD_TEXT,
                parseClasses(STANDARD_CLASSES), DocumentNumberFormat.STANDARD_PATTERN, "", Numbering.SUBMISSION,
                100L * 1024 * 1024);
    }
}

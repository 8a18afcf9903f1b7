package org.kairan.core.kessai;

import java.util.Collection;
import java.util.Objects;
import java.util.Optional;
import java.util.regex.Matcher;
import java.util.regex.Pattern;

import org.kairan.core.organisation.OrgUnit;

/**
 * How a city writes its 文書番号, from configuration: a pattern with the placeholders
 * <ul>
 * <li>{@code {city}} — the city's 略称 (伊 for 伊織市),</li>
 * <li>{@code {unit}} — the 課's 略称 ({@link OrgUnit#abbreviation()}, 情), required,</li>
 * <li>{@code {n}} — the number, required,</li>
 * <li>{@code {nendo}} — the year of era of the 年度 (8 for 令和8年度), optional;</li>
 * </ul>
 * everything else is literal. {@code {city}{unit}第{n}号} gives 伊情第123号.
 *
 * @param pattern          the pattern
 * @param cityAbbreviation the city's 略称
 */
public record DocumentNumberFormat(String pattern, String cityAbbreviation) {

    /** The demo city's format. */
    public static final String STANDARD_PATTERN = "{city}{unit}第{n}号";

    private static final Pattern PLACEHOLDER = Pattern.compile("\\{([a-z]+)}");

    public DocumentNumberFormat {
        Objects.requireNonNull(pattern, "pattern");
        cityAbbreviation = cityAbbreviation == null ? "" : cityAbbreviation;
        int units = 0;
        int numbers = 0;
        int years = 0;
        Matcher m = PLACEHOLDER.matcher(pattern);
        while (m.find()) {
            switch (m.group(1)) {
                case "unit" -> units++;
                case "n" -> numbers++;
                case "nendo" -> years++;
                case "city" -> { }
                default -> throw new IllegalArgumentException("文書番号の書式「" + pattern + "」に不明な項目 {" + m.group(1)
                        + "} があります (unknown placeholder in the document number pattern)");
            }
        }
        if (units != 1 || numbers != 1 || years > 1) {
            throw new IllegalArgumentException("文書番号の書式「" + pattern + "」には {unit} と {n} が一つずつ必要です（{nendo} は一つまで）"
                    + " (the pattern needs {unit} and {n} exactly once, {nendo} at most once)");
        }
    }

    /** e.g. 伊情第123号. */
    public String format(DocumentNumber number) {
        if (number.unitAbbreviation().isEmpty()) {
            throw new IllegalArgumentException("課（" + number.divisionCode() + "）に略称がないため文書番号を付けられません"
                    + " (the 課 has no 略称 for its document numbers)");
        }
        return pattern.replace("{city}", cityAbbreviation).replace("{unit}", number.unitAbbreviation())
                .replace("{nendo}", Integer.toString(DocumentNumber.eraYearOf(number.fiscalYear())))
                .replace("{n}", Integer.toString(number.serial()));
    }

    /**
     * Reads a 文書番号 of a known 年度 (numbers restart each 年度, so the text alone does not say which).
     *
     * @param text       e.g. 伊情第123号 (全角 digits are accepted)
     * @param fiscalYear 年度 as the year of its first day; checked against {@code {nendo}} when the pattern has it
     * @param divisions  the 課 whose 略称 may appear
     * @throws IllegalArgumentException when the text does not follow the pattern or names no known 課
     */
    public DocumentNumber parse(String text, int fiscalYear, Collection<OrgUnit> divisions) {
        String normalised = java.text.Normalizer.normalize(text.strip(), java.text.Normalizer.Form.NFKC);
        Matcher m = regex().matcher(normalised);
        if (!m.matches()) {
            throw new IllegalArgumentException("「" + text + "」は文書番号の書式「" + pattern + "」に合いません"
                    + " (not a document number of this format)");
        }
        if (pattern.contains("{nendo}") && Integer.parseInt(m.group("nendo")) != DocumentNumber.eraYearOf(fiscalYear)) {
            throw new IllegalArgumentException("「" + text + "」の年度は" + new DocumentNumber("-", "-", fiscalYear, 1)
                    .fiscalYearLabel() + "ではありません (the number is of another 年度)");
        }
        String abbreviation = m.group("unit");
        Optional<OrgUnit> division = divisions.stream().filter(u -> u.abbreviation().equals(abbreviation)).findFirst();
        if (division.isEmpty()) {
            throw new IllegalArgumentException("「" + text + "」の略称「" + abbreviation + "」の課がありません (no 課 with that 略称)");
        }
        return new DocumentNumber(division.get().code(), abbreviation, fiscalYear, Integer.parseInt(m.group("n")));
    }

    private Pattern regex() {
        StringBuilder out = new StringBuilder();
        Matcher m = PLACEHOLDER.matcher(pattern);
        int last = 0;
        while (m.find()) {
            out.append(Pattern.quote(pattern.substring(last, m.start())));
            out.append(switch (m.group(1)) {
                case "city" -> Pattern.quote(java.text.Normalizer.normalize(cityAbbreviation, java.text.Normalizer.Form.NFKC));
                case "unit" -> "(?<unit>.+?)";
                case "nendo" -> "(?<nendo>[0-9]{1,3})";
                default -> "(?<n>[1-9][0-9]{0,8})";
            });
            last = m.end();
        }
        out.append(Pattern.quote(pattern.substring(last)));
        return Pattern.compile(out.toString());
    }
}

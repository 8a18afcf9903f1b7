package org.kairan.core.kessai;

import java.time.LocalDate;
import java.util.ArrayList;
import java.util.Arrays;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.function.Predicate;

import org.kairan.core.organisation.OrgUnit;
import org.kairan.core.organisation.OrganisationDirectory;
import org.kairan.core.organisation.StaffMember;

/**
 * Who acts (代決) for an absent approver, from the 代決 order of the city's rules: one line per 役職,
 * optionally for one 組織 only, naming the 役職 that stand in, in order —
 *
 * <pre>
 * 課長 = 課長補佐, 係長
 * 120200 課長 = 係長
 * </pre>
 *
 * Each 役職 is looked for in the absent approver's own unit first, then in the units directly below it
 * (in 組織コード order, so the 筆頭係長 or 主管課長 comes first); the first holder who is not away
 * himself stands in.
 */
public final class SubstituteRules {

    /** The order most cities write into their 代決規程. */
    public static final String STANDARD_TEXT = """
            # 不在の役職 = 代決する役職（順に）。行頭に組織コードを書くとその組織だけの定め。
            市長 = 副市長
            副市長 = 部長
            部長 = 次長, 課長
            課長 = 課長補佐, 係長
            """;

    private final Map<String, List<String>> byPosition;

    private SubstituteRules(Map<String, List<String>> byPosition) {
        this.byPosition = Map.copyOf(byPosition);
    }

    public static SubstituteRules standard() {
        return parse(STANDARD_TEXT);
    }

    /**
     * @throws DecisionRulesException naming the line when a line is not {@code [組織コード] 役職 = 役職, …}
     */
    public static SubstituteRules parse(String text) {
        Map<String, List<String>> rules = new LinkedHashMap<>();
        String[] lines = text.split("\\R");
        for (int i = 0; i < lines.length; i++) {
            String line = lines[i].strip();
            if (line.isEmpty() || line.startsWith("#")) {
                continue;
            }
            int eq = line.indexOf('=');
            String[] head = eq < 0 ? new String[0] : line.substring(0, eq).strip().split("\\s+");
            List<String> order = eq < 0 ? List.of() : Arrays.stream(line.substring(eq + 1).split("[,、]"))
                    .map(String::strip).filter(s -> !s.isEmpty()).toList();
            if (head.length < 1 || head.length > 2 || head[0].isEmpty() || order.isEmpty()) {
                throw new DecisionRulesException(i + 1, (i + 1) + "行目: 代決順の行は「[組織コード] 役職 = 役職, 役職」です: " + line
                        + " (a line reads: [unit code] position = position, position)");
            }
            rules.put(String.join(" ", head), order);
        }
        return new SubstituteRules(rules);
    }

    /**
     * The stand-in for an absent post holder on the day, or empty when the rules name no one present.
     *
     * @param absent  the approver who is away
     * @param away    who else is away on the day (a stand-in must be present)
     * @param exclude who may not stand in (the drafter, people already on the route)
     */
    public Optional<PostHolder> standIn(OrganisationDirectory directory, PostHolder absent, LocalDate day,
            Predicate<String> away, Predicate<String> exclude) {
        List<String> order = byPosition.getOrDefault(absent.unitCode() + " " + absent.position(),
                byPosition.getOrDefault(absent.position(), List.of()));
        List<OrgUnit> places = new ArrayList<>();
        directory.unit(absent.unitCode()).ifPresent(places::add);
        directory.childrenOf(absent.unitCode()).stream().sorted((a, b) -> a.code().compareTo(b.code()))
                .forEach(places::add);
        for (String position : order) {
            for (OrgUnit unit : places) {
                for (StaffMember member : directory.holders(unit.code(), position, day)) {
                    String no = member.staffNo();
                    if (!no.equals(absent.staffNo()) && !away.test(no) && !exclude.test(no)) {
                        return Optional.of(new PostHolder(unit.code(), directory.unitDisplayName(unit.code()), position,
                                no, member.name()));
                    }
                }
            }
        }
        return Optional.empty();
    }

    public String format() {
        StringBuilder text = new StringBuilder();
        byPosition.forEach((head, order) -> text.append(head).append(" = ").append(String.join(", ", order)).append('\n'));
        return text.toString();
    }
}

package org.kairan.server.bench;

import java.time.LocalDate;
import java.util.ArrayList;
import java.util.Comparator;
import java.util.LinkedHashMap;
import java.util.LinkedHashSet;
import java.util.List;
import java.util.Map;
import java.util.Set;

import org.kairan.core.kessai.ApprovalRoute;
import org.kairan.core.kessai.CommandChain;
import org.kairan.core.kessai.DecisionRules;
import org.kairan.core.kessai.PostHolder;
import org.kairan.core.kessai.RouteBuilder;
import org.kairan.core.kessai.RouteException;
import org.kairan.core.kessai.StepKind;
import org.kairan.core.organisation.Assignment;
import org.kairan.core.organisation.AssignmentKind;
import org.kairan.core.organisation.OrgUnit;
import org.kairan.core.organisation.OrganisationDirectory;
import org.kairan.core.organisation.UnitKind;

/**
 * Who approves and who drafts in the approval benchmark, chosen from the organisation: for each 係, the
 * staff below the 係長 whose ¥150,000 物品購入 gets the route 係長 回議 → 課長 専決 (computed with the
 * server's own {@link RouteBuilder} and rules, so the server builds the same route). Each 係長 gets a
 * drafter of their 係; each 課長 a drafter of one of their 係 (another person than the 係長's drafter
 * when the 係 has one), whose 案件 the 係長 of that 係 approves during set-up so that they wait at the
 * 課長.
 */
final class ApprovalCast {

    static final String KAKARICHO = "係長";
    static final String KACHO = "課長";
    static final String KIND = "物品購入";
    static final long AMOUNT_YEN = 150_000;

    /**
     * One approver of the benchmark.
     *
     * @param staffNo   the approver
     * @param name      氏名
     * @param position  係長 or 課長
     * @param unitName  所属 as the route shows it
     * @param drafterNo who drafts their 案件
     * @param beforeNo  for a 課長: the 係長 who approves their 案件 first (in set-up); {@code null} for a 係長
     * @param nextNo    for a 係長: the 課長 the 案件 goes to after them; {@code null} for a 課長
     */
    record Approver(String staffNo, String name, String position, String unitName, String drafterNo, String beforeNo,
            String nextNo) {

        boolean isKacho() {
            return KACHO.equals(position);
        }
    }

    private record Candidate(String drafterNo, ApprovalRoute route) {

        PostHolder kakaricho() {
            return route.steps().get(0).approvers().getFirst();
        }

        PostHolder kacho() {
            return route.steps().get(1).approvers().getFirst();
        }
    }

    private ApprovalCast() {
    }

    /**
     * {@code count} approvers, 課長 and 係長 in the proportion the organisation has them (all of them
     * when it has fewer), in a stable order.
     */
    static List<Approver> choose(OrganisationDirectory directory, DecisionRules rules, LocalDate day, int count) {
        RouteBuilder routes = new RouteBuilder(rules, CommandChain.standard(), directory);
        Map<String, List<Candidate>> bySection = new LinkedHashMap<>();
        List<OrgUnit> sections = new ArrayList<>();
        collectSections(directory, directory.topLevelUnits(), sections);
        sections.sort(Comparator.comparing(OrgUnit::code));
        int kakarichoRank = directory.rank(KAKARICHO);
        for (OrgUnit section : sections) {
            List<Candidate> candidates = new ArrayList<>();
            // most junior first: a 主事's purchase, as in the issue
            for (Assignment post : directory.postsIn(section.code(), day).reversed()) {
                if (post.kind() != AssignmentKind.PRIMARY || directory.rank(post.position()) >= kakarichoRank) {
                    continue;
                }
                try {
                    ApprovalRoute route = routes.build(post.staffNo(), day, KIND, AMOUNT_YEN);
                    if (isKakarichoThenKacho(route)) {
                        candidates.add(new Candidate(post.staffNo(), route));
                    }
                } catch (RouteException e) {
                    // no route for this person (e.g. a vacant 課長): not a drafter for the benchmark
                }
            }
            if (!candidates.isEmpty()) {
                bySection.put(section.code(), candidates);
            }
        }
        Map<String, Approver> kakaricho = new LinkedHashMap<>();
        Map<String, Approver> kacho = new LinkedHashMap<>();
        for (List<Candidate> candidates : bySection.values()) {
            Candidate first = candidates.getFirst();
            PostHolder k = first.kakaricho();
            kakaricho.putIfAbsent(k.staffNo(), new Approver(k.staffNo(), k.name(), KAKARICHO, k.unitName(),
                    first.drafterNo(), null, first.kacho().staffNo()));
        }
        Set<String> kachoSharingADrafter = new LinkedHashSet<>();
        for (List<Candidate> candidates : bySection.values()) {
            // another person than the 係長's drafter when the 係 has one; the first such 係 of the 課長
            boolean ownDrafter = candidates.size() > 1;
            Candidate pick = ownDrafter ? candidates.get(1) : candidates.getFirst();
            PostHolder c = pick.kacho();
            if (!kacho.containsKey(c.staffNo()) || ownDrafter && kachoSharingADrafter.remove(c.staffNo())) {
                kacho.put(c.staffNo(), new Approver(c.staffNo(), c.name(), KACHO, c.unitName(), pick.drafterNo(),
                        pick.kakaricho().staffNo(), null));
                if (!ownDrafter) {
                    kachoSharingADrafter.add(c.staffNo());
                }
            }
        }
        for (String staffNo : kacho.keySet()) {
            kakaricho.remove(staffNo);
        }
        int total = kakaricho.size() + kacho.size();
        if (total < count) {
            throw new IllegalStateException("the organisation has " + total + " 係長 and 課長 with a 係長 → 課長 route, fewer"
                    + " than the " + count + " approvers asked for");
        }
        int kachoCount = Math.min(kacho.size(), Math.round(count * (float) kacho.size() / total));
        int kakarichoCount = Math.min(kakaricho.size(), count - kachoCount);
        kachoCount = count - kakarichoCount;
        List<Approver> chosen = new ArrayList<>();
        chosen.addAll(kakaricho.values().stream().limit(kakarichoCount).toList());
        chosen.addAll(kacho.values().stream().limit(kachoCount).toList());
        return chosen;
    }

    /** Everyone who needs a session: approvers, drafters, the 係長 before a 課長, the 課長 after a 係長. */
    static Set<String> people(List<Approver> approvers) {
        Set<String> people = new LinkedHashSet<>();
        for (Approver a : approvers) {
            people.add(a.staffNo());
            people.add(a.drafterNo());
            if (a.beforeNo() != null) {
                people.add(a.beforeNo());
            }
            if (a.nextNo() != null) {
                people.add(a.nextNo());
            }
        }
        return people;
    }

    private static void collectSections(OrganisationDirectory directory, List<OrgUnit> units, List<OrgUnit> into) {
        for (OrgUnit unit : units) {
            if (unit.kind() == UnitKind.SECTION) {
                into.add(unit);
            }
            collectSections(directory, directory.childrenOf(unit.code()), into);
        }
    }

    private static boolean isKakarichoThenKacho(ApprovalRoute route) {
        return route.steps().size() == 2
                && route.steps().get(0).kind() == StepKind.REVIEW
                && route.steps().get(0).approvers().size() == 1
                && route.steps().get(0).approvers().getFirst().position().equals(KAKARICHO)
                && route.steps().get(1).kind() == StepKind.DELEGATED_DECISION
                && route.steps().get(1).approvers().size() == 1
                && route.steps().get(1).approvers().getFirst().position().equals(KACHO);
    }
}

package org.kairan.core.kessai;

import java.util.EnumMap;
import java.util.List;
import java.util.Map;
import java.util.Objects;

import org.kairan.core.organisation.UnitKind;

/**
 * The chain of command a route walks up (決裁系統): which 役職 approve at each level of unit, junior
 * first, and the head of the body (市長) whose decision is 決裁 rather than 専決.
 *
 * @param positionsByLevel for each {@link UnitKind}, the 役職 that approve there, junior first
 * @param head             the 役職 that decides without delegation; every other decider decides by 専決
 */
public record CommandChain(Map<UnitKind, List<String>> positionsByLevel, String head) {

    public CommandChain {
        Objects.requireNonNull(head, "head");
        EnumMap<UnitKind, List<String>> copy = new EnumMap<>(UnitKind.class);
        positionsByLevel.forEach((k, v) -> copy.put(k, List.copyOf(v)));
        positionsByLevel = Map.copyOf(copy);
    }

    /** 係長 of the 係, 課長 of the 課, 部長 of the 部, then 副市長 and 市長 of the 部局; 市長 is the head. */
    public static CommandChain standard() {
        return new CommandChain(Map.of(
                UnitKind.SECTION, List.of("係長"),
                UnitKind.DIVISION, List.of("課長"),
                UnitKind.DEPARTMENT, List.of("部長"),
                UnitKind.BUREAU, List.of("副市長", "市長")), "市長");
    }

    /** The 役職 approving in a unit of this level, junior first. */
    public List<String> positionsAt(UnitKind level) {
        return positionsByLevel.getOrDefault(level, List.of());
    }

    /**
     * Whether the holder of this 役職 in a unit of this level has rights over it (and its 決裁): a post of
     * the chain of command above the 係 — 課長 of the 課, 部長 of the 部, 副市長 and 市長.
     */
    public boolean manages(UnitKind level, String position) {
        return level != UnitKind.SECTION && positionsAt(level).contains(position);
    }

    /** Whether a decision by this 役職 is 専決. */
    public boolean isDelegated(String decidingPosition) {
        return !head.equals(decidingPosition);
    }
}

package org.kairan.app.circular;

import java.util.ArrayList;
import java.util.Comparator;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import java.util.Set;
import java.util.stream.Collectors;

import org.kairan.core.circular.Circular;
import org.kairan.core.sync.CommandTypes;

/**
 * The 回覧 list as the viewer should see it: what the replica holds, with their own unsent actions
 * already applied (a 確認 shows at once, offline too), newest first.
 */
public final class CircularRows {

    private static final Comparator<CircularRow> NEWEST_FIRST = Comparator
            .comparing((CircularRow row) -> row.circular().postedAt(), Comparator.nullsFirst(Comparator.naturalOrder()))
            .reversed();

    private CircularRows() {
    }

    /**
     * @param replicated the 回覧 in the replica
     * @param pending    the viewer's unsettled actions on 回覧, oldest first
     * @param viewer     the viewer's 職員番号
     * @param viewerName the viewer's 氏名 (author of their pending posts)
     * @param viewerUnit the viewer's 所属 (shown on their pending posts)
     */
    public static List<CircularRow> of(List<Circular> replicated, List<PendingCircularAction> pending, String viewer,
            String viewerName, String viewerUnit) {
        Map<String, Set<String>> pendingByCircular = pending.stream().collect(Collectors.groupingBy(
                PendingCircularAction::circularId, Collectors.mapping(PendingCircularAction::commandType,
                        Collectors.toSet())));
        Map<String, Circular> byId = new HashMap<>();
        replicated.forEach(c -> byId.put(c.id(), c));
        List<CircularRow> rows = new ArrayList<>();
        for (Circular circular : replicated) {
            rows.add(new CircularRow(circular, stateOf(circular, pendingByCircular.getOrDefault(circular.id(),
                    Set.of()), viewer)));
        }
        for (PendingCircularAction action : pending) {
            if (action.post() != null && !byId.containsKey(action.circularId())) {
                Circular written = new Circular(action.circularId(), action.post().unitCode(), action.post().title(),
                        action.post().body(), viewer, viewerName, viewerUnit, action.queuedAt(), null, List.of());
                rows.add(new CircularRow(written, CircularState.POST_PENDING));
            }
        }
        rows.sort(NEWEST_FIRST);
        return rows;
    }

    private static CircularState stateOf(Circular circular, Set<String> pendingTypes, String viewer) {
        if (circular.isWithdrawn()) {
            return CircularState.WITHDRAWN;
        }
        if (pendingTypes.contains(CommandTypes.WITHDRAW_CIRCULAR)) {
            return CircularState.WITHDRAW_PENDING;
        }
        if (viewer.equals(circular.authorNo())) {
            return CircularState.OWN;
        }
        if (circular.acknowledgedBy(viewer)) {
            return CircularState.ACKNOWLEDGED;
        }
        if (pendingTypes.contains(CommandTypes.ACKNOWLEDGE_CIRCULAR)) {
            return CircularState.ACKNOWLEDGE_PENDING;
        }
        return CircularState.UNREAD;
    }

    /** How many of the rows the viewer has still to 確認. */
    public static long unread(List<CircularRow> rows) {
        return rows.stream().filter(row -> row.state() == CircularState.UNREAD).count();
    }
}

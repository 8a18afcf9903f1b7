package org.kairan.client.minutes.internal;

import java.util.ArrayList;
import java.util.Comparator;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.function.BiFunction;

import org.kairan.client.minutes.MinutesEntry;
import org.kairan.client.minutes.MinutesEntry.State;
import org.kairan.client.sync.ActionState;
import org.kairan.client.sync.QueuedAction;
import org.kairan.core.minutes.MinutesRecord;
import org.kairan.core.minutes.MinutesStatus;
import org.kairan.core.minutes.SaveMinutes;
import org.kairan.core.minutes.SendMinutes;
import org.kairan.core.sync.CommandTypes;

/**
 * The minutes list: the replica's records with the user's {@code minutes.*} actions laid over them in the order they
 * were made. An unsent save shows its minutes at once (送信待ち) and moves the base of the next save on by one — the
 * version the server will have once it applies it; a save the server found stale shows the user's minutes with the
 * server's version as the base (saving again overwrites knowingly); an unsent 決裁に回付 shows 回付待ち.
 */
final class MinutesLines {

    private final Map<String, MinutesRecord> records;
    private final BiFunction<QueuedAction, Class<?>, Object> payloads;

    MinutesLines(Map<String, MinutesRecord> records, BiFunction<QueuedAction, Class<?>, Object> payloads) {
        this.records = records;
        this.payloads = payloads;
    }

    static boolean isMinutesCommand(String type) {
        return CommandTypes.SAVE_MINUTES.equals(type) || CommandTypes.SEND_MINUTES.equals(type);
    }

    /** Every line, newest meeting first. */
    List<MinutesEntry> lines(List<QueuedAction> actions) {
        Map<String, MinutesEntry> byId = new LinkedHashMap<>();
        for (MinutesRecord r : records.values()) {
            byId.put(r.id(), new MinutesEntry(r.minutes(), r.version(),
                    r.status() == MinutesStatus.SENT ? State.SENT : State.DRAFT, r.kessaiId(), r.updatedBy(),
                    r.updatedAt(), null, null));
        }
        for (QueuedAction action : actions) {
            if (action.state() == ActionState.APPLIED) {
                continue; // the replica has it (or will on the next pull)
            }
            if (CommandTypes.SAVE_MINUTES.equals(action.type())) {
                SaveMinutes save = (SaveMinutes) payloads.apply(action, SaveMinutes.class);
                byId.put(save.minutes().id(), afterSave(byId.get(save.minutes().id()), save, action));
            } else if (CommandTypes.SEND_MINUTES.equals(action.type())) {
                SendMinutes send = (SendMinutes) payloads.apply(action, SendMinutes.class);
                MinutesEntry now = byId.get(send.minutesId());
                if (now != null) {
                    byId.put(now.id(), afterSend(now, send, action));
                }
            }
        }
        List<MinutesEntry> lines = new ArrayList<>(byId.values());
        lines.sort(Comparator.comparing((MinutesEntry e) -> e.minutes().header().startsAt()).reversed()
                .thenComparing(e -> e.minutes().header().title()));
        return List.copyOf(lines);
    }

    private MinutesEntry afterSave(MinutesEntry before, SaveMinutes save, QueuedAction action) {
        MinutesRecord server = records.get(save.minutes().id());
        int serverVersion = server == null ? 0 : server.version();
        String updatedBy = before == null ? "" : before.updatedBy();
        java.time.Instant updatedAt = before == null ? null : before.updatedAt();
        return switch (action.state()) {
            case CONFLICT -> new MinutesEntry(save.minutes(), serverVersion, State.CONFLICT, null, updatedBy, updatedAt,
                    action.message(), action.key());
            case REJECTED -> new MinutesEntry(save.minutes(), serverVersion, State.REFUSED, null, updatedBy, updatedAt,
                    action.message(), action.key());
            default -> new MinutesEntry(save.minutes(), save.baseVersion() + 1, State.QUEUED, null, updatedBy,
                    updatedAt, null, action.key());
        };
    }

    private static MinutesEntry afterSend(MinutesEntry before, SendMinutes send, QueuedAction action) {
        return switch (action.state()) {
            case CONFLICT -> new MinutesEntry(before.minutes(), before.baseVersion(), State.CONFLICT, null,
                    before.updatedBy(), before.updatedAt(), action.message(), action.key());
            case REJECTED -> new MinutesEntry(before.minutes(), before.baseVersion(), State.REFUSED, null,
                    before.updatedBy(), before.updatedAt(), action.message(), action.key());
            default -> new MinutesEntry(before.minutes(), before.baseVersion(), State.SENDING, send.kessaiId(),
                    before.updatedBy(), before.updatedAt(), null, action.key());
        };
    }
}

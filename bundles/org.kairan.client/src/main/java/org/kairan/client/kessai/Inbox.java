package org.kairan.client.kessai;

import java.util.EnumMap;
import java.util.List;
import java.util.Map;

/**
 * The 決裁 inbox of the logged-in user, each {@link InboxFolder} sorted as it is shown. Immutable.
 *
 * @param folders every folder, empty ones included
 */
public record Inbox(Map<InboxFolder, List<InboxItem>> folders) {

    /** Nobody logged in, or nothing synced yet. */
    public static final Inbox EMPTY = new Inbox(Map.of());

    public Inbox {
        EnumMap<InboxFolder, List<InboxItem>> copy = new EnumMap<>(InboxFolder.class);
        for (InboxFolder folder : InboxFolder.values()) {
            copy.put(folder, List.copyOf(folders.getOrDefault(folder, List.of())));
        }
        folders = java.util.Collections.unmodifiableMap(copy);
    }

    public List<InboxItem> get(InboxFolder folder) {
        return folders.get(folder);
    }

    public int count(InboxFolder folder) {
        return folders.get(folder).size();
    }
}

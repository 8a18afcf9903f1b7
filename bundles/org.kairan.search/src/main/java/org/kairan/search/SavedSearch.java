package org.kairan.search;

import java.util.Objects;

/**
 * A search the person kept under a name, to run again.
 *
 * @param name  as they named it, e.g. 「今年度の物品購入」
 * @param query the text and narrowing
 */
public record SavedSearch(String name, SearchQuery query) {

    public SavedSearch {
        Objects.requireNonNull(name, "name");
        Objects.requireNonNull(query, "query");
        name = name.strip();
        if (name.isEmpty()) {
            throw new IllegalArgumentException("a saved search needs a name");
        }
    }
}

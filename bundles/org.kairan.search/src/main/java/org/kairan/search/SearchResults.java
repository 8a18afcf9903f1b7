package org.kairan.search;

import java.util.List;

/**
 * The hits of a query.
 *
 * @param total how many items match in all
 * @param hits  the first of them, in the order asked for
 */
public record SearchResults(long total, List<SearchHit> hits) {

    public static final SearchResults NONE = new SearchResults(0, List.of());

    public SearchResults {
        hits = List.copyOf(hits);
    }
}

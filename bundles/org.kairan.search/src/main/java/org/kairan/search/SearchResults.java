package org.kairan.search;

import java.util.List;
import java.util.Map;

/**
 * The hits of a query.
 *
 * @param total  how many items match in all
 * @param hits   the first of them, in the order asked for
 * @param facets for each facet, its values among all matching items, most frequent first
 */
public record SearchResults(long total, List<SearchHit> hits, Map<Facet, List<FacetCount>> facets) {

    public static final SearchResults NONE = new SearchResults(0, List.of(), Map.of());

    public SearchResults {
        hits = List.copyOf(hits);
        facets = Map.copyOf(facets);
    }

    /** The counts of one facet (empty when none of the matching items has a value for it). */
    public List<FacetCount> facet(Facet facet) {
        return facets.getOrDefault(facet, List.of());
    }
}

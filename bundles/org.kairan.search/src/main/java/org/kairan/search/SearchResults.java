package org.kairan.search;

import java.util.List;
import java.util.Map;

/**
 * The hits of a query.
 *
 * @param total  how many items match in all (each matching page of a document or of a 決裁's attachment counts)
 * @param hits   the first of them, in the order asked for, each document or 決裁 once, at its best page
 * @param facets for each facet, its values among all matching items (pages as in {@code total}), most frequent first
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

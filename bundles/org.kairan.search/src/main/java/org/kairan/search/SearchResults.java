package org.kairan.search;

import java.util.List;
import java.util.Map;

/**
 * The hits of a query.
 *
 * @param total  how many items match in all, each as it is listed: a document, a 決裁 (with its attachments' pages)
 *               or a 議事録 (with its utterances) counts once however many of its pages or utterances match, so that
 *               「N件」 is the number of things the list would show in full
 * @param hits   the first of them, in the order asked for, each document or 決裁 once, at its best page, and each
 *               議事録 once, at its best-matching utterance (or as itself when that ranks first)
 * @param facets for each facet, its values among all matching items (counted as in {@code total}), most frequent
 *               first
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

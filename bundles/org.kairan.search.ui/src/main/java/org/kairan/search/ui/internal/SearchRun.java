package org.kairan.search.ui.internal;

import java.util.EnumMap;
import java.util.List;
import java.util.Map;

import org.kairan.search.Facet;
import org.kairan.search.FacetCount;
import org.kairan.search.SearchQuery;
import org.kairan.search.SearchResults;
import org.kairan.search.SearchService;

/**
 * One search as the view shows it: the hits, and for each facet the counts a check box needs. A facet the
 * person narrowed by is counted without its own narrowing (the other facets' still apply), so its other
 * values stay offered with their counts and can be added (values of one facet are alternatives). Runs in a
 * background job: it reads the index.
 *
 * @param query   what was asked
 * @param results the hits
 * @param facets  the counts to show, per facet
 */
record SearchRun(SearchQuery query, SearchResults results, Map<Facet, List<FacetCount>> facets) {

    SearchRun {
        facets = Map.copyOf(facets);
    }

    static SearchRun of(SearchService service, SearchQuery query) {
        SearchResults results = service.search(query);
        Map<Facet, List<FacetCount>> facets = new EnumMap<>(Facet.class);
        facets.putAll(results.facets());
        for (Facet facet : query.filters().keySet()) {
            Map<Facet, java.util.Set<String>> others = new EnumMap<>(Facet.class);
            others.putAll(query.filters());
            others.remove(facet);
            SearchQuery without = new SearchQuery(query.text(), others, query.from(), query.to(), query.sort(), 1);
            facets.put(facet, service.search(without).facet(facet));
        }
        return new SearchRun(query, results, facets);
    }

    List<FacetCount> facet(Facet facet) {
        return facets.getOrDefault(facet, List.of());
    }
}

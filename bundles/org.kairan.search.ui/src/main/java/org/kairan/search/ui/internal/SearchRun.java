package org.kairan.search.ui.internal;

import java.util.EnumMap;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.function.Function;

import org.kairan.core.kessai.Attachment;
import org.kairan.core.kessai.Kessai;
import org.kairan.search.Facet;
import org.kairan.search.FacetCount;
import org.kairan.search.SearchHit;
import org.kairan.search.SearchQuery;
import org.kairan.search.SearchResults;
import org.kairan.search.SearchService;

/**
 * One search as the view shows it: the hits, and for each facet the counts a check box needs. A facet the
 * person narrowed by is counted without its own narrowing (the other facets' still apply), so its other
 * values stay offered with their counts and can be added (values of one facet are alternatives). Runs in a
 * background job: it reads the index, and the replica for the names of the attachments hits are in.
 *
 * @param query   what was asked
 * @param results the hits
 * @param facets  the counts to show, per facet
 * @param files   the file names of the 決裁's attachments the hits are on ({@link SearchHit#attachment()}), by id
 */
record SearchRun(SearchQuery query, SearchResults results, Map<Facet, List<FacetCount>> facets,
        Map<String, String> files) {

    SearchRun {
        facets = Map.copyOf(facets);
        files = Map.copyOf(files);
    }

    /**
     * @param kessai the 決裁 of an id, as the replica holds it (for its attachments' names)
     */
    static SearchRun of(SearchService service, SearchQuery query, Function<String, Optional<Kessai>> kessai) {
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
        return new SearchRun(query, results, facets, files(results.hits(), kessai));
    }

    private static Map<String, String> files(List<SearchHit> hits, Function<String, Optional<Kessai>> kessai) {
        Map<String, String> files = new HashMap<>();
        hits.stream().filter(h -> !h.attachment().isEmpty() && !files.containsKey(h.attachment()))
                .map(SearchHit::id).distinct().forEach(id -> kessai.apply(id).ifPresent(k -> {
                    for (Attachment file : k.attachments()) {
                        files.put(file.id(), file.name());
                    }
                }));
        return files;
    }

    List<FacetCount> facet(Facet facet) {
        return facets.getOrDefault(facet, List.of());
    }
}

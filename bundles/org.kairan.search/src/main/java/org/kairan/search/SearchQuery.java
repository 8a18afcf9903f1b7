package org.kairan.search;

import java.time.LocalDate;
import java.util.EnumMap;
import java.util.Map;
import java.util.Objects;
import java.util.Set;

/**
 * What the person typed, and the narrowing they chose. The text uses the syntax Japanese users type:
 * words separated by spaces (half- or full-width) must all occur, {@code OR} between two words takes
 * either, {@code -word} excludes, {@code "…"} is a phrase.
 *
 * @param text    the search box
 * @param filters per facet, the values an item must have one of; a facet not in the map does not narrow
 * @param from    first day, or {@code null}
 * @param to      last day, or {@code null}
 * @param sort    relevance or newest first
 * @param limit   at most this many hits
 */
public record SearchQuery(String text, Map<Facet, Set<String>> filters, LocalDate from, LocalDate to, Sort sort,
        int limit) {

    /** Order of the hits. */
    public enum Sort {
        RELEVANCE, NEWEST
    }

    public SearchQuery {
        Objects.requireNonNull(text, "text");
        EnumMap<Facet, Set<String>> copy = new EnumMap<>(Facet.class);
        if (filters != null) {
            filters.forEach((facet, values) -> {
                if (values != null && !values.isEmpty()) {
                    copy.put(facet, Set.copyOf(values));
                }
            });
        }
        filters = Map.copyOf(copy);
        sort = sort == null ? Sort.RELEVANCE : sort;
        if (limit < 1) {
            throw new IllegalArgumentException("limit must be at least 1: " + limit);
        }
    }

    /** All kinds, any date, by relevance, the first 20. */
    public static SearchQuery of(String text) {
        return new SearchQuery(text, Map.of(), null, null, Sort.RELEVANCE, 20);
    }

    /** The same query narrowed to items with one of {@code values} for the facet. */
    public SearchQuery narrowed(Facet facet, Set<String> values) {
        EnumMap<Facet, Set<String>> next = new EnumMap<>(Facet.class);
        next.putAll(filters);
        next.put(facet, values);
        return new SearchQuery(text, next, from, to, sort, limit);
    }

    /** The same query with another date range ({@code null}: open). */
    public SearchQuery between(LocalDate first, LocalDate last) {
        return new SearchQuery(text, filters, first, last, sort, limit);
    }

    /** The same query in another order. */
    public SearchQuery sorted(Sort order) {
        return new SearchQuery(text, filters, from, to, order, limit);
    }
}

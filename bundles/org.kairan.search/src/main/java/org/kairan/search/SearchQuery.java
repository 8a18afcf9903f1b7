package org.kairan.search;

import java.time.LocalDate;
import java.util.Objects;
import java.util.Set;

/**
 * What the person typed, and the narrowing they chose. The text uses the syntax Japanese users type:
 * words separated by spaces (half- or full-width) must all occur, {@code OR} between two words takes
 * either, {@code -word} excludes, {@code "…"} is a phrase.
 *
 * @param text  the search box
 * @param kinds 種別 to look in; empty for all
 * @param from  first day, or {@code null}
 * @param to    last day, or {@code null}
 * @param sort  relevance or newest first
 * @param limit at most this many hits
 */
public record SearchQuery(String text, Set<SearchKind> kinds, LocalDate from, LocalDate to, Sort sort, int limit) {

    /** Order of the hits. */
    public enum Sort {
        RELEVANCE, NEWEST
    }

    public SearchQuery {
        Objects.requireNonNull(text, "text");
        kinds = kinds == null ? Set.of() : Set.copyOf(kinds);
        sort = sort == null ? Sort.RELEVANCE : sort;
        if (limit < 1) {
            throw new IllegalArgumentException("limit must be at least 1: " + limit);
        }
    }

    /** All kinds, any date, by relevance, the first 20. */
    public static SearchQuery of(String text) {
        return new SearchQuery(text, Set.of(), null, null, Sort.RELEVANCE, 20);
    }
}

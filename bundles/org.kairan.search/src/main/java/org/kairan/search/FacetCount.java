package org.kairan.search;

/**
 * How many of the matching items have a value.
 *
 * @param value the value, as in {@link SearchHit} ({@link SearchKind} name for {@link Facet#KIND})
 * @param count matching items with it
 */
public record FacetCount(String value, long count) {
}

package org.kairan.search;

/** Event topics of the search service (payload under {@code org.kairan.client.ClientTopics#DATA}). */
public interface SearchTopics {

    /** The index changed or made progress; payload the {@link IndexState}. */
    String INDEX = "kairan/search/index";
}

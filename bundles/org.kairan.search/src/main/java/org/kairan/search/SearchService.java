package org.kairan.search;

/**
 * Full-text search over what the user's replica holds (決裁 now; documents, minutes and chat as they
 * arrive), on the desktop, online or not. The index follows the replica in the background.
 */
public interface SearchService {

    /** The hits; {@link SearchResults#NONE} before anyone has logged in or when nothing searchable was typed. */
    SearchResults search(SearchQuery query);

    /** How the index stands. */
    IndexState state();

    /** Deletes the index and builds it again from the replica, in the background. */
    void rebuild();
}

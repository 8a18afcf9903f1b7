package org.kairan.search;

import java.util.List;

/**
 * Full-text search over what the user's replica holds (決裁 now; documents, minutes and chat as they
 * arrive), on the desktop, online or not. The index follows the replica in the background.
 */
public interface SearchService {

    /**
     * The hits, with the counts of every facet among all matching items; {@link SearchResults#NONE} before
     * anyone has logged in or when nothing searchable was typed.
     */
    SearchResults search(SearchQuery query);

    /** Words of titles starting with what is being typed, the most common first (as-you-type suggestions). */
    List<String> suggest(String typed, int max);

    /** How the index stands. */
    IndexState state();

    /** Deletes the index and builds it again from the replica, in the background. */
    void rebuild();

    /** The person's saved searches, in the order saved. */
    List<SavedSearch> savedSearches();

    /** Saves the search (replacing one of the same name); kept with the person's workspace. */
    void save(SavedSearch search);

    /** Forgets the saved search of that name. */
    void forget(String name);
}

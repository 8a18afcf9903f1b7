package org.kairan.search.internal;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.LocalDate;
import java.util.List;
import java.util.Set;

import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;
import org.kairan.search.Facet;
import org.kairan.search.SavedSearch;
import org.kairan.search.SearchQuery;

/** Saved searches survive a restart whole, and a damaged file loses only itself. */
class SavedSearchesTest {

    @TempDir
    Path dir;

    @Test
    void aSearchIsKeptWithItsNarrowingReplacedByNameAndForgotten() {
        SearchQuery purchases = SearchQuery.of("物品購入 -取下げ").narrowed(Facet.FISCAL_YEAR, Set.of("2026"))
                .between(LocalDate.of(2026, 4, 1), null).sorted(SearchQuery.Sort.NEWEST);
        new SavedSearches(dir).save(new SavedSearch("今年度の物品購入", purchases));
        new SavedSearches(dir).save(new SavedSearch("代決", SearchQuery.of("代決の順序")));
        assertEquals(List.of(new SavedSearch("今年度の物品購入", purchases), new SavedSearch("代決", SearchQuery.of("代決の順序"))),
                new SavedSearches(dir).all(), "read back as saved, in order, by a new reader (a restart)");
        new SavedSearches(dir).save(new SavedSearch("代決", SearchQuery.of("代決 順序")));
        assertEquals(SearchQuery.of("代決 順序"), new SavedSearches(dir).all().getLast().query(), "the same name replaces");
        new SavedSearches(dir).forget("今年度の物品購入");
        assertEquals(List.of("代決"), new SavedSearches(dir).all().stream().map(SavedSearch::name).toList());
    }

    @Test
    void aDamagedFileIsSetAsideAndTheListStartsEmpty() throws IOException {
        Files.writeString(dir.resolve(SavedSearches.FILE), "[{\"name\": \"途中で");
        assertTrue(new SavedSearches(dir).all().isEmpty());
        assertTrue(Files.exists(dir.resolve(SavedSearches.FILE + ".damaged")), "kept aside for a look");
        new SavedSearches(dir).save(new SavedSearch("新しい検索", SearchQuery.of("公用車")));
        assertEquals(1, new SavedSearches(dir).all().size());
    }
}

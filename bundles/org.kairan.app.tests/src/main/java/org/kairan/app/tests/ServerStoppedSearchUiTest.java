package org.kairan.app.tests;

import static org.junit.jupiter.api.Assertions.assertEquals;

import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Order;
import org.junit.jupiter.api.Test;
import org.kairan.client.KairanServerClient;
import org.kairan.client.sync.SyncService;
import org.kairan.client.testing.DemoAccounts;
import org.kairan.search.SearchKind;
import org.kairan.search.SearchQuery;
import org.kairan.search.SearchService;

/**
 * The search index lives on the desktop: with the server stopped (not only the network cut), the 財政課長 still
 * finds 決裁 by a name typed in かな and the 課's library documents by the text the server had extracted. It
 * stops the test server for good, so it runs last.
 */
@Order(1000)
class ServerStoppedSearchUiTest {

    private static final String BUDGET_POLICY = "令和8年度 予算編成方針";

    private SwtDriver driver;
    private Desktop desktop;
    private SearchScreen screen;
    private SearchService search;
    private SyncService sync;
    private TestServer server;

    @BeforeEach
    void setUp() {
        driver = SwtDriver.onUiThread();
        KairanServerClient client = Services.of(KairanServerClient.class);
        server = Services.of(TestServer.class);
        sync = Services.of(SyncService.class);
        search = Services.of(SearchService.class);
        desktop = new Desktop(driver, client, server);
        desktop.waitForDirectory();
        screen = new SearchScreen(driver, desktop);
    }

    @Test
    void searchingGoesOnWithTheServerStopped() {
        desktop.logInAs(DemoAccounts.FINANCE_HEAD, TestServer.DEMO_PASSWORD);
        driver.waitUntil("the 課's library and its 決裁 are in the index", () -> hits("待機児童", SearchKind.DOCUMENT) > 0
                && hits("たなか", SearchKind.KESSAI) > 0);
        String decision = search.search(SearchQuery.of("たなか")).hits().stream()
                .filter(h -> h.kind() == SearchKind.KESSAI).findFirst().orElseThrow().title();

        server.stopServer();
        sync.requestSync(); // as the next periodic sync would, at most a minute later
        driver.waitUntil("the status line says the server cannot be reached",
                () -> desktop.statusConnection().startsWith("オフライン"));

        screen.show();
        // the name read in かな and the 件名's words (たなか alone also finds whatever 田中 said in the 課's 議事録 and
        // chat, which may fill the first page)
        screen.search("たなか " + decision, decision);
        screen.search("待機児童", BUDGET_POLICY);
        assertEquals("文書", screen.row(BUDGET_POLICY).orElseThrow().getText(1), "a library document, found offline");
        desktop.screenshot("search-server-stopped-ja");
    }

    private long hits(String text, SearchKind kind) {
        return search.search(SearchQuery.of(text)).hits().stream().filter(h -> h.kind() == kind).count();
    }
}

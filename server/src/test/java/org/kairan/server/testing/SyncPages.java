package org.kairan.server.testing;

import static org.junit.jupiter.api.Assertions.assertEquals;

import java.net.URLEncoder;
import java.net.http.HttpResponse;
import java.nio.charset.StandardCharsets;
import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;

import org.kairan.core.sync.PullResponse;
import org.kairan.core.sync.SyncChange;

/** Pulls the change feed as a client does, page by page, into a replica keyed by type and id. */
public final class SyncPages {

    /** The pages of one pull to the end, and the replica state they leave. */
    public record Pulled(List<PullResponse> pages, Map<String, SyncChange> latest) {

        public String cursor() {
            return pages.getLast().cursor();
        }

        public List<SyncChange> changes() {
            return pages.stream().flatMap(p -> p.changes().stream()).toList();
        }

        public boolean reset() {
            return pages.getFirst().reset();
        }
    }

    private SyncPages() {
    }

    public static HttpResponse<String> page(RunningServer running, String token, String cursor, Integer limit) {
        StringBuilder path = new StringBuilder("/api/sync/changes");
        String sep = "?";
        if (cursor != null) {
            path.append(sep).append("cursor=").append(URLEncoder.encode(cursor, StandardCharsets.UTF_8));
            sep = "&";
        }
        if (limit != null) {
            path.append(sep).append("limit=").append(limit);
        }
        return running.get(path.toString(), token);
    }

    /** Pulls from the cursor ({@code null}: from the start) until a page says {@code more: false}. */
    public static Pulled pullAll(RunningServer running, String token, String cursor, int limit) {
        List<PullResponse> pages = new ArrayList<>();
        Map<String, SyncChange> latest = new LinkedHashMap<>();
        String next = cursor;
        for (int i = 0; i < 10_000; i++) {
            HttpResponse<String> response = page(running, token, next, limit);
            assertEquals(200, response.statusCode(), "a pull with a valid cursor is answered: " + response.body());
            PullResponse page = running.read(response, PullResponse.class);
            pages.add(page);
            for (SyncChange change : page.changes()) {
                latest.put(change.type() + "/" + change.id(), change);
            }
            next = page.cursor();
            if (!page.more()) {
                return new Pulled(pages, latest);
            }
        }
        throw new AssertionError("the feed ends within 10,000 pages");
    }
}

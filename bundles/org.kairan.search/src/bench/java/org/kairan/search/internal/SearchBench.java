package org.kairan.search.internal;

import java.io.BufferedReader;
import java.io.IOException;
import java.lang.management.ManagementFactory;
import java.lang.management.MemoryMXBean;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.LocalDate;
import java.util.ArrayList;
import java.util.Arrays;
import java.util.List;
import java.util.Locale;
import java.util.stream.Stream;

import org.kairan.search.SearchKind;
import org.kairan.search.SearchQuery;
import org.kairan.search.SearchResults;

import com.fasterxml.jackson.databind.DeserializationFeature;
import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;

/**
 * Kairan's side of the search benchmark (bench/search/run.sh runs it beside Recoll on the same documents):
 * indexes OUT/documents.jsonl into a fresh index the way the desktop does (a document page by page, other
 * kinds whole), then runs the corpus queries through {@link SearchIndex#search} — hits with their snippets and
 * every facet counted, what the search view shows — for N rounds after a warm-up, and prints the figures.
 *
 * <pre>
 * java -cp … org.kairan.search.internal.SearchBench --out DIR --queries queries.json [--rounds 20] [--keep-index]
 * </pre>
 */
public final class SearchBench {

    private SearchBench() {
    }

    /** Rounds of all queries before the measured ones, for the JIT (the first search of each is ~10x slower). */
    private static final int WARM_UP_ROUNDS = 5;

    public static void main(String[] args) throws Exception {
        Path out = Path.of(arg(args, "--out", null));
        Path queriesFile = Path.of(arg(args, "--queries", null));
        int rounds = Integer.parseInt(arg(args, "--rounds", "20"));
        ObjectMapper json = new ObjectMapper().disable(DeserializationFeature.FAIL_ON_UNKNOWN_PROPERTIES);
        Path indexDir = out.resolve("kairan-index");
        boolean keep = List.of(args).contains("--keep-index") && Files.isDirectory(indexDir);
        if (!keep) {
            deleteTree(indexDir);
        }
        MemoryMXBean memory = ManagementFactory.getMemoryMXBean();
        com.sun.management.OperatingSystemMXBean os =
                (com.sun.management.OperatingSystemMXBean) ManagementFactory.getOperatingSystemMXBean();

        long cpu0 = os.getProcessCpuTime();
        long t0 = System.nanoTime();
        int documents = 0;
        int pages = 0;
        long characters = 0;
        try (SearchIndex index = SearchIndex.open(indexDir);
                BufferedReader lines = Files.newBufferedReader(out.resolve("documents.jsonl"), StandardCharsets.UTF_8)) {
            String line;
            List<IndexedItem> batch = new ArrayList<>();
            while (!keep && (line = lines.readLine()) != null) {
                JsonNode d = json.readTree(line);
                SearchKind kind = SearchKind.valueOf(d.get("kind").asText().toUpperCase(Locale.ROOT));
                List<String> texts = new ArrayList<>();
                d.get("pages").forEach(p -> texts.add(p.asText()));
                documents++;
                pages += texts.size();
                characters += texts.stream().mapToInt(String::length).sum();
                if (kind == SearchKind.DOCUMENT) {
                    for (int page = 1; page <= texts.size(); page++) {
                        batch.add(item(d, kind, page, List.of(texts.get(page - 1))));
                    }
                } else {
                    batch.add(item(d, kind, 0, texts));
                }
                if (batch.size() >= ReplicaIndexer.COMMIT_EVERY) { // as the desktop's indexer does
                    index.putAll(batch);
                    index.commit();
                    batch.clear();
                }
                if (documents % 10_000 == 0) {
                    System.err.printf("  %,d documents indexed%n", documents);
                }
            }
            index.putAll(batch);
            index.commit();
            double seconds = (System.nanoTime() - t0) / 1e9;
            double cpu = (os.getProcessCpuTime() - cpu0) / 1e9;
            System.gc();
            long heapAfterIndexing = memory.getHeapMemoryUsage().getUsed();
            if (keep) {
                System.out.printf("kairan: the index of the last run kept (%,d items, %,d bytes)%n", index.count(),
                        size(indexDir));
            } else {
                System.out.printf("kairan indexing: %,d documents, %,d pages, %,d characters in %.1f s (CPU %.1f s) = %.0f pages/s,"
                        + " %.0f documents/s; index %,d bytes; heap after indexing %.0f MB (max %.0f MB)%n", documents, pages,
                        characters, seconds, cpu, pages / seconds, documents / seconds, size(indexDir),
                        heapAfterIndexing / 1e6, memory.getHeapMemoryUsage().getMax() / 1e6);
            }

            List<String> queries = new ArrayList<>();
            json.readTree(queriesFile.toFile()).forEach(q -> queries.add(q.get("query").asText()));
            double[] cold = new double[queries.size()];
            for (int r = 0; r < WARM_UP_ROUNDS; r++) { // a desktop searches all day: measure the compiled code
                for (int i = 0; i < queries.size(); i++) {
                    long s = System.nanoTime();
                    index.search(SearchQuery.of(queries.get(i)));
                    if (r == 0) {
                        cold[i] = (System.nanoTime() - s) / 1e6;
                    }
                }
            }
            Arrays.sort(cold);
            System.out.printf("kairan first round after start (code not yet compiled): p50 %.2f ms, p95 %.2f ms, max %.2f ms%n",
                    pct(cold, 50), pct(cold, 95), cold[cold.length - 1]);
            double[] times = new double[rounds * queries.size()];
            double[][] byQuery = new double[queries.size()][rounds];
            long[] matches = new long[queries.size()];
            int n = 0;
            long totalHits = 0;
            for (int r = 0; r < rounds; r++) {
                for (int i = 0; i < queries.size(); i++) {
                    long s = System.nanoTime();
                    SearchResults results = index.search(SearchQuery.of(queries.get(i)));
                    times[n++] = byQuery[i][r] = (System.nanoTime() - s) / 1e6;
                    totalHits += results.total();
                    matches[i] = results.total();
                }
            }
            System.out.println("kairan slowest queries (median ms, matches):");
            java.util.stream.IntStream.range(0, queries.size()).boxed()
                    .sorted(java.util.Comparator.comparingDouble((Integer i) -> median(byQuery[i])).reversed()).limit(8)
                    .forEach(i -> System.out.printf("  %-24s %7.2f ms %,9d%n", queries.get(i), median(byQuery[i]),
                            matches[i]));
            Arrays.sort(times);
            System.gc();
            System.out.printf("kairan queries: %d (%d queries x %d rounds), 20 hits with snippets and all facets each:"
                    + " p50 %.2f ms, p95 %.2f ms, p99 %.2f ms, max %.2f ms; %,d matches in all; heap %.0f MB%n", n,
                    queries.size(), rounds, pct(times, 50), pct(times, 95), pct(times, 99), times[times.length - 1],
                    totalHits, memory.getHeapMemoryUsage().getUsed() / 1e6);
        }
    }

    private static IndexedItem item(JsonNode d, SearchKind kind, int page, List<String> texts) {
        return new IndexedItem(kind, d.get("id").asText(), page, d.get("title").asText(), texts, List.of(),
                d.get("unit").asText(), d.get("fiscalYear").asInt(), d.get("classification").asText(), "",
                LocalDate.parse(d.get("date").asText()), "bench");
    }

    private static double median(double[] values) {
        double[] sorted = values.clone();
        Arrays.sort(sorted);
        return sorted[sorted.length / 2];
    }

    private static double pct(double[] sorted, int p) {
        return sorted[Math.min(sorted.length - 1, (int) (p / 100.0 * sorted.length))];
    }

    private static long size(Path dir) throws IOException {
        try (Stream<Path> files = Files.walk(dir)) {
            return files.filter(Files::isRegularFile).mapToLong(f -> f.toFile().length()).sum();
        }
    }

    private static void deleteTree(Path dir) throws IOException {
        if (Files.exists(dir)) {
            try (Stream<Path> files = Files.walk(dir)) {
                for (Path f : files.sorted(java.util.Comparator.reverseOrder()).toList()) {
                    Files.delete(f);
                }
            }
        }
    }

    private static String arg(String[] args, String name, String fallback) {
        for (int i = 0; i + 1 < args.length; i++) {
            if (args[i].equals(name)) {
                return args[i + 1];
            }
        }
        if (fallback == null) {
            throw new IllegalArgumentException(name + " is required");
        }
        return fallback;
    }
}

package org.kairan.search.internal;

import java.io.IOException;
import java.io.UncheckedIOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.text.Normalizer;
import java.time.LocalDate;
import java.util.ArrayList;
import java.util.HashMap;
import java.util.HashSet;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import java.util.Set;
import java.util.logging.Level;
import java.util.logging.Logger;
import java.util.stream.Stream;

import org.apache.lucene.analysis.Analyzer;
import org.apache.lucene.document.Document;
import org.apache.lucene.document.Field;
import org.apache.lucene.document.FieldType;
import org.apache.lucene.document.LongPoint;
import org.apache.lucene.document.NumericDocValuesField;
import org.apache.lucene.document.SortedDocValuesField;
import org.apache.lucene.document.StoredField;
import org.apache.lucene.document.StringField;
import org.apache.lucene.document.TextField;
import org.apache.lucene.index.DirectoryReader;
import org.apache.lucene.index.IndexReader;
import org.apache.lucene.index.IndexWriter;
import org.apache.lucene.index.IndexOptions;
import org.apache.lucene.index.IndexWriterConfig;
import org.apache.lucene.index.LeafReaderContext;
import org.apache.lucene.index.ReaderUtil;
import org.apache.lucene.index.StoredFields;
import org.apache.lucene.index.Term;
import org.apache.lucene.index.Terms;
import org.apache.lucene.index.TermsEnum;
import org.apache.lucene.search.CollectorManager;
import org.apache.lucene.search.IndexSearcher;
import org.apache.lucene.search.MultiCollectorManager;
import org.apache.lucene.search.Query;
import org.apache.lucene.search.QueryVisitor;
import org.apache.lucene.search.ScoreDoc;
import org.apache.lucene.search.ScoreMode;
import org.apache.lucene.search.SearcherManager;
import org.apache.lucene.search.Sort;
import org.apache.lucene.search.SortField;
import org.apache.lucene.search.TermQuery;
import org.apache.lucene.search.TopDocs;
import org.apache.lucene.search.TopFieldCollectorManager;
import org.apache.lucene.search.TopScoreDocCollectorManager;
import org.apache.lucene.search.Weight;
import org.apache.lucene.store.Directory;
import org.apache.lucene.store.FSDirectory;
import org.apache.lucene.util.BytesRef;
import org.kairan.search.SearchHit;
import org.kairan.search.SearchKind;
import org.kairan.search.SearchQuery;
import org.kairan.search.SearchResults;

/**
 * The Lucene index in a directory of the user's workspace: written by one {@link IndexWriter}, read only
 * through a {@link SearcherManager}. An index that cannot be opened (damaged by a crash or a full disk,
 * or written by another version) is deleted and started empty, and says so in {@link #wasRebuilt()}: it
 * holds nothing the replica and the chat server's archives do not, so the caller indexes them again (an empty index
 * has no {@link #chatMarks()}: chat is read from the archives' beginning). The same happens when the city's
 * place names ({@link PlaceReadings}) are not those the index was analysed with: its commit data keeps their version.
 */
final class SearchIndex implements AutoCloseable {

    private static final Logger LOG = Logger.getLogger(SearchIndex.class.getName());
    /** Commit data: the {@link PlaceReadings#version()} the index was analysed with (absent: none). */
    static final String PLACE_NAMES = "kairan.placeNames";
    /** Commit data: how far the chat archives were read into the index ({@code ChatHistoryMarks#encode()}). */
    static final String CHAT_MARKS = "kairan.chatMarks";
    /** Title words looked at per segment for suggestions. */
    private static final int SUGGEST_SCAN = 2_000;
    /**
     * Hits looked at per hit listed: the pages of one document or 決裁 and the utterances of one 議事録 are listed once,
     * at the best of them, so more are collected than listed; when one item's parts fill them so that fewer items come
     * out than asked for, twice as many are looked at again, and so on ({@link #search}).
     */
    private static final int PAGES_LOOKED_AT_PER_HIT = 5;
    private static final Sort NEWEST_FIRST = new Sort(new SortField(Fields.DAY, SortField.Type.LONG, true),
            SortField.FIELD_SCORE);
    /**
     * Commit data: the layout of the index's fields. An index of another layout is made again (from the replica),
     * as one analysed with other place names is.
     */
    static final String SCHEMA = "kairan.schema";
    /**
     * 2: offsets in the postings (snippets from the query's own matches) instead of term vectors; lines joined
     * between Japanese characters ({@link JoinedLines}). 3: the text of a 決裁's attached PDFs no longer in the 決裁's
     * item but page by page, in items of their own ({@link Fields#ATTACHMENT}, keys {@code KESSAI:id#attachment/page}),
     * so a hit there opens the attachment at its page; and {@link Fields#ITEM}, so that the pages of one document or
     * 決裁 are listed once. Made again rather than left to the stamps: items of version 2
     * have no attachment field, and an index should not hold items of two layouts because some old stamps happened to
     * be unchanged. 4: the utterances of a 議事録 have the {@link Fields#ITEM} of their minutes ({@code MINUTES:id},
     * {@link IndexedItem#partOf()}) instead of one of their own, so that a meeting is listed and counted once however
     * many of its utterances match (a name its chair says 200 times filled every hit); made again because the
     * utterances' stamps do not change with their ITEM.
     */
    private static final String SCHEMA_VERSION = "4";
    /** Text fields whose postings keep each term's character offsets, for marking snippets. */
    private static final FieldType WITH_OFFSETS = withOffsets();

    private static FieldType withOffsets() {
        FieldType type = new FieldType(TextField.TYPE_NOT_STORED);
        type.setIndexOptions(IndexOptions.DOCS_AND_FREQS_AND_POSITIONS_AND_OFFSETS);
        type.freeze();
        return type;
    }

    private final Directory directory;
    private final IndexWriter writer;
    private final SearcherManager searchers;
    private final QueryPlanner planner;
    private final boolean rebuilt;
    private final String placeNames;
    /** The item numbers of the last reader searched (made again after a commit). */
    private volatile ItemOrdinals itemOrdinals;

    private SearchIndex(Directory directory, IndexWriter writer, boolean rebuilt, String placeNames) throws IOException {
        this.directory = directory;
        this.writer = writer;
        this.searchers = new SearcherManager(writer, null);
        this.planner = new QueryPlanner(writer.getAnalyzer());
        this.rebuilt = rebuilt;
        this.placeNames = placeNames;
    }

    /** The index in the directory, without place names of the city's own. */
    static SearchIndex open(Path path) throws IOException {
        return open(path, PlaceReadings.NONE);
    }

    /** The index in the directory, reading the city's place names as {@code places} does. */
    static SearchIndex open(Path path, PlaceReadings places) throws IOException {
        Files.createDirectories(path);
        try {
            return open(path, places, false);
        } catch (IOException | RuntimeException e) {
            LOG.log(Level.WARNING, "the search index in " + path + " cannot be used (" + e + "); it is deleted and"
                    + " built again from the replica");
            deleteContents(path);
            return open(path, places, true);
        }
    }

    private static SearchIndex open(Path path, PlaceReadings places, boolean rebuilt) throws IOException {
        Directory directory = FSDirectory.open(path);
        IndexWriter writer = null;
        try {
            boolean exists = DirectoryReader.indexExists(directory);
            if (exists) {
                DirectoryReader.open(directory).close(); // reads every segment's header and footer
            }
            IndexWriterConfig config = new IndexWriterConfig(JapaneseAnalysis.perField(places))
                    .setOpenMode(IndexWriterConfig.OpenMode.CREATE_OR_APPEND).setCommitOnClose(true);
            writer = new IndexWriter(directory, config);
            boolean otherLayout = exists && !SCHEMA_VERSION.equals(committed(writer, SCHEMA));
            boolean reanalyse = exists && (otherLayout || !places.version().equals(committed(writer, PLACE_NAMES)));
            if (reanalyse) {
                LOG.info((otherLayout ? "the search index in " + path + " was made by an earlier version"
                        : "the city's place names changed since the search index in " + path + " was made")
                        + "; it is made again");
                writer.deleteAll();
            }
            String chatMarks = reanalyse ? "" : committed(writer, CHAT_MARKS);
            writer.setLiveCommitData(Map.of(PLACE_NAMES, places.version(), SCHEMA, SCHEMA_VERSION, CHAT_MARKS,
                    chatMarks).entrySet());
            if (reanalyse) {
                writer.commit();
            }
            return new SearchIndex(directory, writer, rebuilt || reanalyse, places.version());
        } catch (IOException | RuntimeException e) {
            if (writer != null) {
                writer.rollback();
            }
            directory.close();
            throw e;
        }
    }

    /** The commit data under {@code key} the index was last committed with; empty when none. */
    private static String committed(IndexWriter writer, String key) {
        Iterable<Map.Entry<String, String>> data = writer.getLiveCommitData();
        if (data != null) {
            for (Map.Entry<String, String> entry : data) {
                if (entry.getKey().equals(key)) {
                    return entry.getValue();
                }
            }
        }
        return "";
    }

    private static void deleteContents(Path path) throws IOException {
        try (Stream<Path> files = Files.list(path)) {
            for (Path file : files.toList()) {
                Files.delete(file);
            }
        }
    }

    /**
     * Whether {@link #open} found the index unusable, or analysed with other place names, and started an empty
     * one.
     */
    boolean wasRebuilt() {
        return rebuilt;
    }

    /** The {@link PlaceReadings#version()} of the place names the index reads with. */
    String placeNames() {
        return placeNames;
    }

    /** Adds the item, or replaces what was indexed under its key. Seen by searches after {@link #commit()}. */
    void put(IndexedItem item) throws IOException {
        writer.updateDocument(new Term(Fields.KEY, item.key()), document(item));
    }

    /**
     * Puts the items, analysing them on all cores (the writer takes documents from several threads; the
     * analysis, kuromoji above all, is most of the cost).
     */
    void putAll(List<IndexedItem> items) throws IOException {
        try {
            items.parallelStream().forEach(item -> {
                try {
                    put(item);
                } catch (IOException e) {
                    throw new UncheckedIOException(e);
                }
            });
        } catch (UncheckedIOException e) {
            throw e.getCause();
        }
    }

    void delete(String key) throws IOException {
        writer.deleteDocuments(new Term(Fields.KEY, key));
    }

    /** Makes the changes durable and visible. */
    void commit() throws IOException {
        writer.commit();
        searchers.maybeRefreshBlocking();
    }

    /** Deletes everything (before indexing the replica and the chat archives again). */
    void clear() throws IOException {
        writer.deleteAll();
        chatMarks("");
    }

    /** How far the chat archives were read into the index, as of the changes made (empty: not at all). */
    String chatMarks() {
        return committed(writer, CHAT_MARKS);
    }

    /** Records, with the next {@link #commit()}, how far the chat archives were read into the index. */
    void chatMarks(String marks) {
        Map<String, String> data = new HashMap<>();
        writer.getLiveCommitData().forEach(e -> data.put(e.getKey(), e.getValue()));
        data.put(CHAT_MARKS, marks);
        writer.setLiveCommitData(data.entrySet());
    }

    /** The stamp of every item of the kind, by key. */
    Map<String, String> stamps(SearchKind kind) throws IOException {
        IndexSearcher searcher = searchers.acquire();
        try {
            Map<String, String> stamps = new HashMap<>();
            StoredFields stored = searcher.storedFields();
            TopDocs all = searcher.search(new TermQuery(new Term(Fields.KIND, kind.name())), Math.max(1,
                    searcher.getIndexReader().maxDoc()));
            for (ScoreDoc d : all.scoreDocs) {
                Document doc = stored.document(d.doc, Set.of(Fields.KEY, Fields.STAMP));
                stamps.put(doc.get(Fields.KEY), doc.get(Fields.STAMP));
            }
            return stamps;
        } finally {
            searchers.release(searcher);
        }
    }

    /** How many items are indexed (as of the last commit). */
    int count() throws IOException {
        IndexSearcher searcher = searchers.acquire();
        try {
            return searcher.getIndexReader().numDocs();
        } finally {
            searchers.release(searcher);
        }
    }

    SearchResults search(SearchQuery query) throws IOException {
        var planned = planner.plan(query);
        if (planned.isEmpty()) {
            return SearchResults.NONE;
        }
        Map<String, Set<String>> terms = termsByField(planned.get());
        IndexSearcher searcher = searchers.acquire();
        try {
            // one pass over every match: the facets and the exact total need them all, so the first hits are
            // scored in the same pass (cheaper than a block-max pass for the hits and a second one to count)
            Query q = searcher.rewrite(planned.get());
            ItemOrdinals items = itemOrdinals(searcher.getIndexReader());
            int candidates = query.limit() * PAGES_LOOKED_AT_PER_HIT;
            Object[] both = searcher.search(q, new MultiCollectorManager(top(query.sort(), candidates,
                    Integer.MAX_VALUE), new FacetCounter(items)));
            TopDocs top = (TopDocs) both[0];
            FacetCounter.Counted counted = (FacetCounter.Counted) both[1];
            StoredFields stored = searcher.storedFields();
            List<LeafReaderContext> leaves = searcher.getIndexReader().leaves();
            List<ScoreDoc> listed = listedOnce(top.scoreDocs, leaves, items, stored, query.limit());
            long parts = top.totalHits.value(); // exact: every match was counted
            while (listed.size() < query.limit() && listed.size() < counted.matches() && candidates < parts) {
                // the parts of a few items (a long document's pages, a meeting's utterances) filled the candidates:
                // deeper, hits only (the total and the facets are counted), so scoring may skip what cannot compete
                candidates = (int) Math.min(parts, 2L * candidates);
                top = searcher.search(q, top(query.sort(), candidates, candidates));
                listed = listedOnce(top.scoreDocs, leaves, items, stored, query.limit());
            }
            Weight matching = searcher.createWeight(q, ScoreMode.COMPLETE_NO_SCORES, 1f);
            List<SearchHit> hits = new ArrayList<>(query.limit());
            for (ScoreDoc d : listed) {
                LeafReaderContext leaf = leaves.get(ReaderUtil.subIndex(d.doc, leaves));
                Document doc = stored.document(d.doc);
                String text = doc.get(Fields.TEXT);
                List<Snippets.Span> spans = Snippets.find(matching.matches(leaf, d.doc - leaf.docBase),
                        Map.of(Fields.READING, doc.get(Fields.TITLE).length() + 1), text.length());
                hits.add(hit(doc, d.score, Snippets.of(text, spans), terms, writer.getAnalyzer()));
            }
            return new SearchResults(counted.matches(), hits, counted.facets());
        } finally {
            searchers.release(searcher);
        }
    }

    /** Collects the first {@code candidates} matches in the order asked for, counting all up to {@code counted}. */
    private static CollectorManager<?, ? extends TopDocs> top(SearchQuery.Sort sort, int candidates, int counted) {
        return sort == SearchQuery.Sort.NEWEST ? new TopFieldCollectorManager(NEWEST_FIRST, candidates, null, counted)
                : new TopScoreDocCollectorManager(candidates, null, counted);
    }

    /** The item numbers of the reader, made when it is another than the last one searched. */
    private ItemOrdinals itemOrdinals(IndexReader reader) throws IOException {
        ItemOrdinals known = itemOrdinals;
        if (known == null || !known.isOf(reader)) {
            known = ItemOrdinals.of(reader);
            itemOrdinals = known;
        }
        return known;
    }

    /**
     * The first {@code limit} hits, each item once (a document, a 決裁 with its attachments' pages, minutes with their
     * utterances), in rank order: at its best part, and of parts that rank alike (a match in the title alone, which
     * every page carries) at the first page — a 決裁 itself before its attachments' pages.
     */
    private static List<ScoreDoc> listedOnce(ScoreDoc[] ranked, List<LeafReaderContext> leaves, ItemOrdinals items,
            StoredFields stored, int limit) throws IOException {
        Map<Long, ScoreDoc> best = new LinkedHashMap<>();
        for (ScoreDoc d : ranked) {
            LeafReaderContext leaf = leaves.get(ReaderUtil.subIndex(d.doc, leaves));
            long item = items.of(leaf, d.doc - leaf.docBase);
            ScoreDoc kept = best.get(item);
            if (kept == null) {
                if (best.size() < limit) {
                    best.put(item, d);
                }
            } else if (Float.compare(kept.score, d.score) == 0 && page(stored, d.doc) < page(stored, kept.doc)) {
                best.put(item, d); // keeps the item's place in the list
            }
        }
        return List.copyOf(best.values());
    }

    private static int page(StoredFields stored, int doc) throws IOException {
        return stored.document(doc, Set.of(Fields.PAGE)).getField(Fields.PAGE).numericValue().intValue();
    }

    /**
     * Words of the titles that start with what was typed (width-folded, lower-cased), those in most items
     * first: the search box's suggestions.
     */
    List<String> suggest(String typed, int max) throws IOException {
        String prefix = Normalizer.normalize(typed, Normalizer.Form.NFKC).strip().toLowerCase(Locale.ROOT);
        if (prefix.isEmpty() || max < 1) {
            return List.of();
        }
        Map<String, Integer> frequency = new HashMap<>();
        IndexSearcher searcher = searchers.acquire();
        try {
            for (LeafReaderContext leaf : searcher.getIndexReader().leaves()) {
                Terms terms = leaf.reader().terms(Fields.TITLE_WORDS);
                if (terms == null) {
                    continue;
                }
                TermsEnum each = terms.iterator();
                if (each.seekCeil(new BytesRef(prefix)) == TermsEnum.SeekStatus.END) {
                    continue;
                }
                int scanned = 0;
                do {
                    String term = each.term().utf8ToString();
                    if (!term.startsWith(prefix) || ++scanned > SUGGEST_SCAN) {
                        break;
                    }
                    frequency.merge(term, each.docFreq(), Integer::sum);
                } while (each.next() != null);
            }
        } finally {
            searchers.release(searcher);
        }
        return frequency.entrySet().stream()
                .sorted(Map.Entry.<String, Integer>comparingByValue().reversed().thenComparing(Map.Entry.comparingByKey()))
                .limit(max).map(Map.Entry::getKey).toList();
    }

    private static SearchHit hit(Document doc, float score, String snippet, Map<String, Set<String>> terms,
            Analyzer analyzer) {
        String title = doc.get(Fields.TITLE);
        return new SearchHit(SearchKind.valueOf(doc.get(Fields.KIND)), doc.get(Fields.ID), title,
                Snippets.marked(title, terms, analyzer), snippet, doc.getField(Fields.PAGE).numericValue().intValue(),
                doc.get(Fields.ATTACHMENT),
                doc.get(Fields.UNIT), LocalDate.ofEpochDay(doc.getField(Fields.DAY).numericValue().longValue()),
                doc.get(Fields.CLASSIFICATION), doc.get(Fields.STATE), score);
    }

    /** The query's terms, by the field they are searched in (for marking them in snippets). */
    private static Map<String, Set<String>> termsByField(Query query) {
        Set<Term> all = new HashSet<>();
        query.visit(QueryVisitor.termCollector(all));
        Map<String, Set<String>> byField = new HashMap<>();
        for (Term t : all) {
            String field = switch (t.field()) {
                case Fields.TITLE_WORDS -> Fields.WORDS;
                case Fields.TITLE_GRAMS -> Fields.GRAMS;
                default -> t.field();
            };
            byField.computeIfAbsent(field, f -> new HashSet<>()).add(t.text());
        }
        return byField;
    }

    private static Document document(IndexedItem item) {
        Document doc = new Document();
        doc.add(new StringField(Fields.KEY, item.key(), Field.Store.YES));
        doc.add(new StringField(Fields.KIND, item.kind().name(), Field.Store.YES));
        doc.add(new SortedDocValuesField(Fields.KIND, new BytesRef(item.kind().name())));
        doc.add(new StoredField(Fields.ID, item.id()));
        doc.add(new SortedDocValuesField(Fields.ITEM, new BytesRef(item.listedAs())));
        doc.add(new StoredField(Fields.PAGE, item.page()));
        doc.add(new StoredField(Fields.ATTACHMENT, item.attachment()));
        doc.add(new StoredField(Fields.TITLE, item.title()));
        doc.add(new TextField(Fields.TITLE_WORDS, item.title(), Field.Store.NO));
        doc.add(new TextField(Fields.TITLE_GRAMS, item.title(), Field.Store.NO));
        String text = item.text();
        doc.add(new StoredField(Fields.TEXT, text));
        doc.add(new Field(Fields.WORDS, text, WITH_OFFSETS));
        doc.add(new Field(Fields.GRAMS, text, WITH_OFFSETS));
        doc.add(new Field(Fields.READING, item.title() + "\n" + text, WITH_OFFSETS)); // snippets shift by the title
        for (String reading : item.personReadings()) {
            doc.add(new StringField(Fields.PERSON_READING, Kana.katakana(reading), Field.Store.NO));
        }
        exact(doc, Fields.UNIT, item.unit());
        exact(doc, Fields.CLASSIFICATION, item.classification());
        exact(doc, Fields.STATE, item.state());
        exact(doc, Fields.FISCAL_YEAR, item.fiscalYear() == 0 ? "" : Integer.toString(item.fiscalYear()));
        long day = item.day().toEpochDay();
        doc.add(new LongPoint(Fields.DAY, day));
        doc.add(new NumericDocValuesField(Fields.DAY, day));
        doc.add(new StoredField(Fields.DAY, day));
        doc.add(new StoredField(Fields.STAMP, item.stamp()));
        return doc;
    }

    private static void exact(Document doc, String field, String value) {
        doc.add(new StringField(field, value, Field.Store.YES));
        doc.add(new SortedDocValuesField(field, new BytesRef(value)));
    }

    @Override
    public void close() {
        try {
            searchers.close();
            writer.close();
            directory.close();
        } catch (IOException e) {
            throw new UncheckedIOException(e);
        }
    }
}

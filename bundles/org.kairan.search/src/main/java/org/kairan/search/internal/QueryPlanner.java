package org.kairan.search.internal;

import java.io.IOException;
import java.io.UncheckedIOException;
import java.text.Normalizer;
import java.util.ArrayList;
import java.util.LinkedHashSet;
import java.util.List;
import java.util.Optional;
import java.util.Set;

import org.apache.lucene.analysis.Analyzer;
import org.apache.lucene.analysis.TokenStream;
import org.apache.lucene.analysis.tokenattributes.CharTermAttribute;
import org.apache.lucene.document.LongPoint;
import org.apache.lucene.index.Term;
import org.apache.lucene.search.BooleanClause.Occur;
import org.apache.lucene.search.BooleanQuery;
import org.apache.lucene.search.BoostQuery;
import org.apache.lucene.search.MatchAllDocsQuery;
import org.apache.lucene.search.Query;
import org.apache.lucene.search.TermInSetQuery;
import org.apache.lucene.search.TermQuery;
import org.apache.lucene.util.BytesRef;
import org.apache.lucene.util.QueryBuilder;
import org.kairan.search.SearchQuery;

/**
 * Turns what was typed into a Lucene query. A word or phrase matches an item when it occurs as words
 * (kuromoji, in order), or as a run of characters (bigrams, so inside any compound), or — typed in かな —
 * as the reading of a name. Matches in the title count double.
 */
final class QueryPlanner {

    private static final float TITLE_BOOST = 2f;

    private final QueryBuilder builder;

    QueryPlanner(Analyzer analyzer) {
        this.builder = new QueryBuilder(analyzer);
    }

    /** The query, or empty when nothing searchable was typed (only spaces, particles or punctuation). */
    Optional<Query> plan(SearchQuery query) {
        QuerySyntax.Parsed parsed = QuerySyntax.parse(query.text());
        BooleanQuery.Builder all = new BooleanQuery.Builder();
        int required = 0;
        for (List<QuerySyntax.Term> group : parsed.required()) {
            BooleanQuery.Builder any = new BooleanQuery.Builder();
            int alternatives = 0;
            for (QuerySyntax.Term term : group) {
                Optional<Query> q = term(term.text());
                if (q.isPresent()) {
                    any.add(q.get(), Occur.SHOULD);
                    alternatives++;
                }
            }
            if (alternatives > 0) {
                all.add(any.build(), Occur.MUST);
                required++;
            }
        }
        for (QuerySyntax.Term term : parsed.excluded()) {
            term(term.text()).ifPresent(q -> all.add(q, Occur.MUST_NOT));
        }
        if (required == 0) {
            if (parsed.excluded().isEmpty()) {
                return Optional.empty();
            }
            all.add(new MatchAllDocsQuery(), Occur.MUST);
        }
        query.filters().forEach((facet, values) -> all.add(new TermInSetQuery(Fields.of(facet),
                values.stream().map(BytesRef::new).toList()), Occur.FILTER));
        if (query.from() != null || query.to() != null) {
            long from = query.from() == null ? Long.MIN_VALUE : query.from().toEpochDay();
            long to = query.to() == null ? Long.MAX_VALUE : query.to().toEpochDay();
            all.add(LongPoint.newRangeQuery(Fields.DAY, from, to), Occur.FILTER);
        }
        return Optional.of(all.build());
    }

    /** One word or phrase: any of its ways of matching. */
    Optional<Query> term(String text) {
        Set<Query> ways = new LinkedHashSet<>();
        addWays(ways, text);
        String unspaced = text.replaceAll("\\s+", "");
        if (!unspaced.equals(text)) { // a phrase typed with spaces also matches the text written without (PDF文書)
            addWays(ways, unspaced);
        }
        if (ways.isEmpty()) {
            return Optional.empty();
        }
        BooleanQuery.Builder any = new BooleanQuery.Builder();
        ways.forEach(q -> any.add(q, Occur.SHOULD));
        return Optional.of(any.build());
    }

    /**
     * The ways {@code text} matches: as words, as a run of characters, as a reading. Words are left out when
     * they are only the text's own characters cut up (補助金 as 補助|金): wherever those words stand, the
     * characters do, so the bigrams find every such item and the words would only be scored a second time.
     */
    private void addWays(Set<Query> ways, String text) {
        List<String> words = analysed(Fields.WORDS, text);
        boolean number = words.stream().anyMatch(QueryPlanner::isNumber);
        if (number || !isJapaneseRun(text, words)) {
            add(ways, builder.createPhraseQuery(Fields.TITLE_WORDS, text), TITLE_BOOST);
            add(ways, builder.createPhraseQuery(Fields.WORDS, text), 1f);
        }
        if (!number) { // 五十万円 must not be found inside 二百五十万円: numbers go by words only
            add(ways, builder.createPhraseQuery(Fields.TITLE_GRAMS, text), TITLE_BOOST);
            add(ways, builder.createPhraseQuery(Fields.GRAMS, text), 1f);
        }
        if (Kana.isReading(text)) {
            String reading = Kana.katakana(text);
            ways.add(new TermQuery(new Term(Fields.READING, reading)));
            ways.add(new TermQuery(new Term(Fields.PERSON_READING, reading)));
        }
    }

    /**
     * Whether the words are exactly the text's Japanese characters in order (two or more: a single character
     * is no bigram), nothing dropped, folded or changed to a base form.
     */
    private static boolean isJapaneseRun(String text, List<String> words) {
        String characters = Normalizer.normalize(text, Normalizer.Form.NFKC).replaceAll("[\\s\\u3000]+", "");
        return characters.codePointCount(0, characters.length()) >= 2
                && characters.codePoints().allMatch(QueryPlanner::isJapanese)
                && String.join("", words).equals(characters);
    }

    private static boolean isJapanese(int cp) {
        Character.UnicodeScript script = Character.UnicodeScript.of(cp);
        return script == Character.UnicodeScript.HAN || script == Character.UnicodeScript.HIRAGANA
                || script == Character.UnicodeScript.KATAKANA;
    }

    /** Whether a word is a number (after 漢数字 became digits). */
    private static boolean isNumber(String word) {
        return !word.isEmpty() && word.chars().allMatch(c -> c >= '0' && c <= '9');
    }

    /** The terms the field's analysis makes of the text, in order. */
    private List<String> analysed(String field, String text) {
        List<String> terms = new ArrayList<>();
        try (TokenStream stream = builder.getAnalyzer().tokenStream(field, text)) {
            CharTermAttribute term = stream.addAttribute(CharTermAttribute.class);
            stream.reset();
            while (stream.incrementToken()) {
                terms.add(term.toString());
            }
            stream.end();
            return terms;
        } catch (IOException e) {
            throw new UncheckedIOException(e);
        }
    }

    private static void add(Set<Query> ways, Query query, float boost) {
        if (query != null) {
            ways.add(boost == 1f ? query : new BoostQuery(query, boost));
        }
    }
}

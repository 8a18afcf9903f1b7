package org.kairan.search.internal;

import java.io.Reader;
import java.util.Map;

import org.apache.lucene.analysis.Analyzer;
import org.apache.lucene.analysis.LowerCaseFilter;
import org.apache.lucene.analysis.TokenStream;
import org.apache.lucene.analysis.Tokenizer;
import org.apache.lucene.analysis.cjk.CJKBigramFilter;
import org.apache.lucene.analysis.core.KeywordAnalyzer;
import org.apache.lucene.analysis.ja.JapaneseBaseFormFilter;
import org.apache.lucene.analysis.ja.JapaneseKatakanaStemFilter;
import org.apache.lucene.analysis.ja.JapaneseNumberFilter;
import org.apache.lucene.analysis.ja.JapaneseReadingFormFilter;
import org.apache.lucene.analysis.ja.JapaneseTokenizer;
import org.apache.lucene.analysis.miscellaneous.PerFieldAnalyzerWrapper;
import org.apache.lucene.analysis.standard.StandardTokenizer;

/**
 * The analysis chains, one per kind of field, the same at index and query time:
 * <ul>
 * <li>{@link Fields#WORDS words}: kuromoji in search mode (compounds and their parts), 漢数字 and grouped
 * digits to plain numbers (五十万 and 500,000 are both 500000; 四月 is 4 and 月 as ４月 is, see
 * {@link NumeralCounterFilter}), verbs to their base form, particles and
 * punctuation dropped, katakana long-vowel endings folded (コピー = コピ), Latin lower-cased;</li>
 * <li>{@link Fields#GRAMS grams}: overlapping CJK bigrams, so that a word is found inside any compound
 * (東京 in 東京都の報告書) whatever the dictionary makes of it;</li>
 * <li>{@link Fields#READING reading}: the katakana readings of proper nouns (people, places), for かな
 * queries; the city's own readings of its place names first ({@link PlaceReadings}).</li>
 * </ul>
 * Words and bigrams are cut from the text as it reads, a space or line break between two Japanese characters
 * taken out ({@link JoinedLines}: PDFs break lines mid-word).
 * Each starts with the width folding of NFKC that matters in Japanese text: 全角 Latin and digits to 半角,
 * 半角カナ to 全角, so ＰＤＦ, PDF and pdf, or ｺﾋﾟｰ and コピー, are the same; and with the 異体字 of names
 * ({@link NameVariants}: 髙橋 is 高橋). The full-width space is a separator like any space.
 */
final class JapaneseAnalysis {

    private JapaneseAnalysis() {
    }

    /** The analyzer for every field of the schema, reading the city's place names as it does. */
    static Analyzer perField(PlaceReadings places) {
        return new PerFieldAnalyzerWrapper(new KeywordAnalyzer(), Map.of(
                Fields.TITLE_WORDS, words(), Fields.WORDS, words(),
                Fields.TITLE_GRAMS, grams(), Fields.GRAMS, grams(),
                Fields.READING, readings(places)));
    }

    static Analyzer words() {
        return new Analyzer() {
            @Override
            protected TokenStreamComponents createComponents(String fieldName) {
                // punctuation kept by the tokenizer so that the number filter sees "500,000" and "3.5"
                Tokenizer tokenizer = new JapaneseTokenizer(null, false, JapaneseTokenizer.Mode.SEARCH);
                TokenStream stream = new JapaneseNumberFilter(new NumeralCounterFilter(tokenizer));
                stream = new JapaneseBaseFormFilter(stream);
                stream = new StopTagFilter(stream);
                stream = new JapaneseKatakanaStemFilter(stream);
                stream = new LowerCaseFilter(stream);
                return new TokenStreamComponents(tokenizer, stream);
            }

            @Override
            protected Reader initReader(String fieldName, Reader reader) {
                return NameVariants.fold(JoinedLines.join(reader));
            }
        };
    }

    static Analyzer grams() {
        return new Analyzer() {
            @Override
            protected TokenStreamComponents createComponents(String fieldName) {
                Tokenizer tokenizer = new StandardTokenizer();
                TokenStream stream = new LowerCaseFilter(tokenizer);
                stream = new CJKBigramFilter(stream);
                return new TokenStreamComponents(tokenizer, stream);
            }

            @Override
            protected Reader initReader(String fieldName, Reader reader) {
                return NameVariants.fold(JoinedLines.join(reader));
            }
        };
    }

    static Analyzer readings(PlaceReadings places) {
        return new Analyzer() {
            @Override
            protected TokenStreamComponents createComponents(String fieldName) {
                Tokenizer tokenizer = new JapaneseTokenizer(places.dictionary(), true, JapaneseTokenizer.Mode.NORMAL);
                TokenStream stream = new ProperNounFilter(tokenizer);
                stream = new JapaneseReadingFormFilter(stream, false);
                return new TokenStreamComponents(tokenizer, stream);
            }

            @Override
            protected Reader initReader(String fieldName, Reader reader) {
                return NameVariants.fold(reader);
            }
        };
    }
}

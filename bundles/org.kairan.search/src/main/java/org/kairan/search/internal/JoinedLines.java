package org.kairan.search.internal;

import java.io.Reader;
import java.util.regex.Pattern;

import org.apache.lucene.analysis.pattern.PatternReplaceCharFilter;

/**
 * Spaces and line breaks between two Japanese characters taken out before the words and the bigrams are cut:
 * Japanese is written without spaces, so such a break is where a PDF or a scan ended a line or a table cell
 * (事務決\n裁規程), or a space typed for looks (伊織市 事務決裁規程), never between two words. The text is
 * then found as it reads. Offsets still point into the original, so snippets mark the words where they stand.
 */
final class JoinedLines {

    /** A Japanese character (kanji, かな, the marks written with them), as a regular expression. */
    static final String JAPANESE = "[\\p{IsHan}\\p{IsHiragana}\\p{IsKatakana}ー々〆〇]";
    private static final Pattern BREAK = Pattern.compile("(?<=" + JAPANESE + ")[\\s\\u3000]+(?=" + JAPANESE + ")");

    private JoinedLines() {
    }

    static Reader join(Reader reader) {
        return new PatternReplaceCharFilter(BREAK, "", reader);
    }
}

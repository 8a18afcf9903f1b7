package org.kairan.search.internal;

import java.io.Reader;

import org.apache.lucene.analysis.charfilter.MappingCharFilter;
import org.apache.lucene.analysis.charfilter.NormalizeCharMap;
import org.apache.lucene.analysis.cjk.CJKWidthCharFilter;

/**
 * The first step of every analysis chain: width folding (全角 Latin and digits to 半角, 半角カナ to 全角),
 * and the 異体字 of family names that people type as the common form: 髙橋 is found as 高橋 (and read
 * たかはし, which the dictionary cannot do for 髙), 山﨑 as 山崎, 渡邉 and 渡邊 as 渡辺. The list is of variants
 * that are the same name to everyone, never of distinct characters.
 */
final class NameVariants {

    private static final NormalizeCharMap VARIANTS;

    static {
        NormalizeCharMap.Builder map = new NormalizeCharMap.Builder();
        String[][] pairs = { { "髙", "高" }, { "﨑", "崎" }, { "𠮷", "吉" }, { "邉", "辺" }, { "邊", "辺" }, { "齋", "斎" },
                { "濵", "浜" }, { "濱", "浜" }, { "德", "徳" }, { "桒", "桑" }, { "槇", "槙" }, { "嶋", "島" }, { "冨", "富" } };
        for (String[] pair : pairs) {
            map.add(pair[0], pair[1]);
        }
        VARIANTS = map.build();
    }

    private NameVariants() {
    }

    /** The reader with widths folded and name variants replaced (offsets still point into the original). */
    static Reader fold(Reader reader) {
        return new CJKWidthCharFilter(new MappingCharFilter(VARIANTS, reader));
    }
}

package org.kairan.search.ui.internal;

import static org.junit.jupiter.api.Assertions.assertEquals;

import java.io.IOException;
import java.io.InputStream;
import java.lang.reflect.Field;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.LocalDate;
import java.util.Locale;
import java.util.PropertyResourceBundle;

import org.junit.jupiter.api.Test;
import org.kairan.core.kessai.KessaiStatus;
import org.kairan.search.Facet;
import org.kairan.search.IndexState;
import org.kairan.search.SearchKind;
import org.kairan.search.ui.nls.Messages;

/** The words of the search view in Japanese and English, from the bundle's own properties files. */
class SearchTextsTest {

    private static SearchTexts texts(String file, Locale locale) throws Exception {
        Messages messages = new Messages();
        try (InputStream in = Files.newInputStream(Path.of("OSGI-INF", "l10n", file))) {
            PropertyResourceBundle bundle = new PropertyResourceBundle(in);
            for (Field field : Messages.class.getFields()) {
                field.set(messages, bundle.getString(field.getName()));
            }
        } catch (IOException e) {
            throw new AssertionError(e);
        }
        return new SearchTexts(messages, locale);
    }

    @Test
    void japanese() throws Exception {
        SearchTexts ja = texts("bundle.properties", Locale.JAPANESE);
        assertEquals("決裁", ja.value(Facet.KIND, SearchKind.KESSAI.name()));
        assertEquals("チャット", ja.kind(SearchKind.CHAT));
        assertEquals("令和8年度", ja.value(Facet.FISCAL_YEAR, "2026"), "年度 in 和暦");
        assertEquals("平成31年度", ja.value(Facet.FISCAL_YEAR, "2019"), "the 年度 of the era change keeps its first day's era");
        assertEquals("回議中", ja.value(Facet.STATE, KessaiStatus.IN_ROUTE.label()));
        assertEquals("企画財政部 財政課（3）", ja.valueWithCount(Facet.UNIT, "企画財政部 財政課", 3));
        assertEquals("令和8年5月11日", ja.date(LocalDate.of(2026, 5, 11)));
        assertEquals("3ページ", ja.page(3));
        assertEquals("", ja.page(0), "no page for a 決裁");
        assertEquals("添付「見積書.pdf」p.2", ja.attachmentPage("見積書.pdf", 2), "a hit on a 決裁's attachment's page");
        assertEquals("1,234件", ja.count(1234, 1234));
        assertEquals("1,234件（上位200件を表示）", ja.count(1234, 200));
        assertEquals("索引 1,234件", ja.index(new IndexState(1234, 0, 0, false, null), true));
        assertEquals("索引を作成しています（250 / 1,000件）", ja.index(new IndexState(0, 250, 1000, false, null), true));
        assertEquals("索引を作り直しています（250 / 1,000件）", ja.index(new IndexState(0, 250, 1000, true, null), true));
        assertEquals("索引はログインすると作成されます", ja.index(IndexState.CLOSED, false));
    }

    @Test
    void english() throws Exception {
        SearchTexts en = texts("bundle_en.properties", Locale.ENGLISH);
        assertEquals("Decision", en.value(Facet.KIND, SearchKind.KESSAI.name()));
        assertEquals("FY 2026", en.value(Facet.FISCAL_YEAR, "2026"), "no thousands separator in a year");
        assertEquals("In circulation", en.value(Facet.STATE, KessaiStatus.IN_ROUTE.label()),
                "the index keeps the Japanese word; English users read English");
        assertEquals("企画財政部 財政課", en.value(Facet.UNIT, "企画財政部 財政課"), "a 課 is data, shown as it is");
        assertEquals("May 11, 2026", en.date(LocalDate.of(2026, 5, 11)));
        assertEquals("p. 3", en.page(3));
        assertEquals("attachment “見積書.pdf”, p. 2", en.attachmentPage("見積書.pdf", 2));
        assertEquals("1,234 found (showing the first 200)", en.count(1234, 200));
        assertEquals("Index: 1,234 items", en.index(new IndexState(1234, 0, 0, false, null), true));
    }
}

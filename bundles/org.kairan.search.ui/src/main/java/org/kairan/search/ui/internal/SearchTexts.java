package org.kairan.search.ui.internal;

import java.text.MessageFormat;
import java.time.LocalDate;
import java.util.Locale;

import org.kairan.core.kessai.KessaiStatus;
import org.kairan.core.time.Wareki;
import org.kairan.search.Facet;
import org.kairan.search.IndexState;
import org.kairan.search.SearchKind;
import org.kairan.search.SearchQuery;
import org.kairan.search.ui.nls.Messages;
import org.kairan.ui.DateDisplay;

/**
 * The search view's words for what the index holds: 種別, facet names and values (年度 in 和暦 for Japanese,
 * 決裁状態 in English for English), dates (和暦), pages, counts and the index state. Values that are data (課,
 * 文書分類) are shown as they are.
 */
final class SearchTexts {

    private final Messages messages;
    private final DateDisplay dates;

    SearchTexts(Messages messages, Locale locale) {
        this.messages = messages;
        this.dates = new DateDisplay(locale);
    }

    Messages messages() {
        return messages;
    }

    String kind(SearchKind kind) {
        return switch (kind) {
            case KESSAI -> messages.search_kind_KESSAI;
            case DOCUMENT -> messages.search_kind_DOCUMENT;
            case MINUTES -> messages.search_kind_MINUTES;
            case CHAT -> messages.search_kind_CHAT;
        };
    }

    String facet(Facet facet) {
        return switch (facet) {
            case KIND -> messages.search_facet_KIND;
            case UNIT -> messages.search_facet_UNIT;
            case FISCAL_YEAR -> messages.search_facet_FISCAL_YEAR;
            case CLASSIFICATION -> messages.search_facet_CLASSIFICATION;
            case STATE -> messages.search_facet_STATE;
        };
    }

    /** A facet value as the person reads it: 決裁 for KESSAI, 令和8年度 for 2026, 回議中 / In circulation. */
    String value(Facet facet, String value) {
        return switch (facet) {
            case KIND -> kindOf(value);
            case FISCAL_YEAR -> fiscalYear(value);
            case STATE -> state(value);
            case UNIT, CLASSIFICATION -> value;
        };
    }

    /** 「決裁（12）」. */
    String valueWithCount(Facet facet, String value, long count) {
        return MessageFormat.format(messages.search_facet_value, value(facet, value), count);
    }

    private String kindOf(String name) {
        for (SearchKind kind : SearchKind.values()) {
            if (kind.name().equals(name)) {
                return kind(kind);
            }
        }
        return name;
    }

    private String fiscalYear(String year) {
        try {
            int y = Integer.parseInt(year);
            return dates.usesWareki() ? Wareki.fiscalYear(LocalDate.of(y, 4, 1))
                    : MessageFormat.format(messages.search_fiscalYear, Integer.toString(y));
        } catch (NumberFormatException | java.time.DateTimeException e) {
            return year;
        }
    }

    /** The state of a hit: the index keeps a 決裁's state in its Japanese word (回議中 …). */
    String state(String value) {
        if (value == null || value.isEmpty()) {
            return "";
        }
        for (KessaiStatus status : KessaiStatus.values()) {
            if (status.label().equals(value)) {
                return switch (status) {
                    case DRAFT -> messages.search_state_DRAFT;
                    case IN_ROUTE -> messages.search_state_IN_ROUTE;
                    case RETURNED -> messages.search_state_RETURNED;
                    case DECIDED -> messages.search_state_DECIDED;
                    case REJECTED -> messages.search_state_REJECTED;
                    case WITHDRAWN -> messages.search_state_WITHDRAWN;
                };
            }
        }
        return value;
    }

    String sort(SearchQuery.Sort sort) {
        return switch (sort) {
            case RELEVANCE -> messages.search_sort_RELEVANCE;
            case NEWEST -> messages.search_sort_NEWEST;
        };
    }

    /** 令和8年5月11日 or May 11, 2026. */
    String date(LocalDate day) {
        return day == null ? "" : dates.date(day);
    }

    /** 「3ページ」, empty when the hit has no page. */
    String page(int page) {
        return page > 0 ? MessageFormat.format(messages.search_page, Integer.toString(page)) : "";
    }

    /** 「添付「見積書.pdf」p.2」: a hit on a page of a 決裁's attachment. */
    String attachmentPage(String fileName, int page) {
        return MessageFormat.format(messages.search_attachmentPage, fileName, Integer.toString(page));
    }

    /** 「1,234件」, or 「1,234件（上位200件を表示）」 when fewer are shown. */
    String count(long total, int shown) {
        return total > shown ? MessageFormat.format(messages.search_countLimited, total, shown)
                : MessageFormat.format(messages.search_count, total);
    }

    /**
     * The index in words: 「索引 1,234件」, 「索引を作成しています（250 / 1,000件）」, or that it comes with a login when
     * nobody is logged in.
     */
    String index(IndexState state, boolean loggedIn) {
        if (state.busy()) {
            return MessageFormat.format(state.rebuilt() ? messages.index_rebuilding : messages.index_building,
                    state.done(), state.total());
        }
        if (!loggedIn) {
            return messages.index_closed;
        }
        return MessageFormat.format(messages.index_status, state.items());
    }
}

package org.kairan.search.ui.nls;

/**
 * Every user-visible text of the search view. Filled by e4's message factory from
 * {@code OSGI-INF/l10n/bundle*.properties} of this bundle (Japanese by default, English for English
 * locales); get it with {@code @Inject @Translation Messages}. Texts with arguments are
 * {@link java.text.MessageFormat} patterns. Keep the fields in step with the properties files
 * (the tests check).
 */
public class Messages {
    public String search_box_label;
    public String search_box_hint;
    public String search_box_tooltip;
    public String search_run;
    public String search_sort_label;
    public String search_sort_RELEVANCE;
    public String search_sort_NEWEST;
    public String search_save;
    public String search_save_title;
    public String search_save_message;
    public String search_save_name;
    public String search_save_button;
    public String search_save_replace;
    public String search_save_nothing;
    public String search_saved_label;
    public String search_saved_run;
    public String search_saved_delete;
    public String search_saved_deleteTitle;
    public String search_saved_confirmDelete;
    public String search_saved_tooltip;
    public String search_filters_label;
    public String search_filters_hint;
    public String search_facet_KIND;
    public String search_facet_UNIT;
    public String search_facet_FISCAL_YEAR;
    public String search_facet_CLASSIFICATION;
    public String search_facet_STATE;
    public String search_facet_value;
    public String search_facet_more;
    public String search_kind_KESSAI;
    public String search_kind_DOCUMENT;
    public String search_kind_MINUTES;
    public String search_kind_CHAT;
    public String search_state_DRAFT;
    public String search_state_IN_ROUTE;
    public String search_state_RETURNED;
    public String search_state_DECIDED;
    public String search_state_REJECTED;
    public String search_state_WITHDRAWN;
    public String search_fiscalYear;
    public String search_period;
    public String search_from;
    public String search_to;
    public String search_periodTooltip;
    public String search_clearFilters;
    public String search_count;
    public String search_countLimited;
    public String search_noHits;
    public String search_enterWords;
    public String search_col_title;
    public String search_col_kind;
    public String search_col_state;
    public String search_col_unit;
    public String search_col_date;
    public String search_col_page;
    public String search_page;
    public String search_attachmentPage;
    public String search_open;
    public String search_openTooltip;
    public String search_cannotOpen;
    public String search_job;
    public String search_suggestJob;
    public String search_savedJob;
    public String search_error_title;
    public String search_ok;
    public String search_cancel;
    public String index_status;
    public String index_building;
    public String index_rebuilding;
    public String index_closed;
    public String index_problem;
    public String index_rebuild;
    public String index_rebuild_tooltip;
    public String index_rebuild_title;
    public String index_rebuild_confirm;
}

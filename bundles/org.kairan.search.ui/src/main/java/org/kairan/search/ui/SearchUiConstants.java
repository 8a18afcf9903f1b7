package org.kairan.search.ui;

/**
 * Ids of the search view: its part and commands in the application model, the commands by which hits of
 * each 種別 open, and widget ids for UI tests and accessibility tools.
 */
public interface SearchUiConstants {

    String PLUGIN_ID = "org.kairan.search.ui";

    // --- e4 model ids (Application.e4xmi)
    /** The search part (tab 検索, after 決裁). */
    String PART_SEARCH = "org.kairan.app.part.search";
    /** Ctrl+K: brings the search tab to the front and puts the cursor in its search box. */
    String COMMAND_FOCUS = "org.kairan.search.ui.command.focus";

    // --- how hits open
    // A 決裁 hit opens through org.kairan.approval.ui's COMMAND_OPEN_KESSAI. A hit of another 種別 opens through
    // the command below for its kind, defined in the application model by the bundle that shows that kind, with
    // a handler taking the parameters PARAM_HIT_*. Until a bundle does, such hits are listed but 「開く」 is
    // disabled for them. A document's handler is expected to show the PDF at PARAM_HIT_PAGE with the words of
    // PARAM_HIT_WORDS highlighted, in org.kairan.approval.ui's PdfViewer.
    /** Opens a document hit (文書): parameters {@link #PARAM_HIT_ID}, {@link #PARAM_HIT_PAGE}, {@link #PARAM_HIT_WORDS}. */
    String COMMAND_OPEN_DOCUMENT = "org.kairan.search.ui.command.openDocument";
    /** Opens a 議事録 hit at its utterance: the same parameters. */
    String COMMAND_OPEN_MINUTES = "org.kairan.search.ui.command.openMinutes";
    /** Opens a chat message hit in its conversation: the same parameters. */
    String COMMAND_OPEN_CHAT = "org.kairan.search.ui.command.openChat";
    /** The hit's id within its kind ({@code SearchHit.id()}). */
    String PARAM_HIT_ID = "org.kairan.search.ui.hit.id";
    /** The 1-based page of the hit, "0" when it has none. */
    String PARAM_HIT_PAGE = "org.kairan.search.ui.hit.page";
    /** The words the search matched in the hit, one per line, to highlight where it opens. */
    String PARAM_HIT_WORDS = "org.kairan.search.ui.hit.words";

    // --- widget ids (Widget.setData(WIDGET_ID, ...)), for UI tests and accessibility tools
    /** The key under which every Kairan bundle stores a widget's id (the same key as org.kairan.app's). */
    String WIDGET_ID = "org.kairan.widgetId";
    /** The search box (Text with as-you-type suggestions). */
    String ID_BOX = "search.box";
    /** 「検索」 beside the box. */
    String ID_RUN = "search.run";
    /** The order: 関連度順 / 新しい順 (a read-only Combo). */
    String ID_SORT = "search.sort";
    /** 「検索を保存…」. */
    String ID_SAVE = "search.save";
    /** The name field of the save dialog. */
    String ID_SAVE_NAME = "search.save.name";
    /** The list of saved searches (Enter or double-click runs one). */
    String ID_SAVED = "search.saved";
    String ID_SAVED_RUN = "search.saved.run";
    String ID_SAVED_DELETE = "search.saved.delete";
    /** The hits (a virtual Table; each TableItem's data is its {@code SearchHit}). */
    String ID_RESULTS = "search.results";
    /** 「1,234件」 above the hits. */
    String ID_COUNT = "search.count";
    /** 「開く」: opens the selected hit where it belongs. */
    String ID_OPEN = "search.open";
    /** The facet panel (a Composite holding one check box per value). */
    String ID_FACETS = "search.facets";
    /** Prefix of a facet value's check box id, followed by the Facet's name, e.g. {@code search.facet.STATE}. */
    String ID_FACET_PREFIX = "search.facet.";
    /** The check box enabling the period's first day, and its date. */
    String ID_FROM_ENABLED = "search.from.enabled";
    String ID_FROM = "search.from";
    /** The check box enabling the period's last day, and its date. */
    String ID_TO_ENABLED = "search.to.enabled";
    String ID_TO = "search.to";
    /** 「絞り込みを解除」. */
    String ID_CLEAR_FILTERS = "search.clearFilters";
    /** The index state in words: 「索引 1,234件」, 「索引を作成しています（250 / 1,000件）」. */
    String ID_INDEX_STATUS = "search.index.status";
    /** The progress bar shown while the index is built. */
    String ID_INDEX_PROGRESS = "search.index.progress";
    /** Why the index could not be brought up to date (shown only then). */
    String ID_INDEX_PROBLEM = "search.index.problem";
    /** 「索引を再構築…」. */
    String ID_INDEX_REBUILD = "search.index.rebuild";

    // --- widget data keys
    /** On a facet check box: the value it stands for (as in the index). */
    String DATA_FACET_VALUE = "org.kairan.search.facetValue";
    /** On the results table: the {@code SearchQuery} whose hits it shows (null when none). */
    String DATA_QUERY = "org.kairan.search.query";
    /** On a result's TableItem: the words drawn highlighted in its title and snippet ({@code List<String>}). */
    String DATA_HIGHLIGHTED = "org.kairan.search.highlighted";
}

package org.kairan.library.ui;

/**
 * Ids of the 文書庫 view: its part in the application model and widget ids for UI tests and accessibility tools.
 * A search hit of 種別 文書 opens here through {@code org.kairan.search.ui.SearchUiConstants#COMMAND_OPEN_DOCUMENT},
 * whose handler this bundle provides.
 */
public interface LibraryUiConstants {

    String PLUGIN_ID = "org.kairan.library.ui";

    // --- e4 model ids (Application.e4xmi)
    /** The library part (tab 文書庫, after 検索). */
    String PART_LIBRARY = "org.kairan.app.part.library";

    // --- widget ids (Widget.setData(WIDGET_ID, ...)), for UI tests and accessibility tools
    /** The key under which every Kairan bundle stores a widget's id (the same key as org.kairan.app's). */
    String WIDGET_ID = "org.kairan.widgetId";
    /** The 課 chooser (a read-only Combo; the user's own 課 first). */
    String ID_UNIT = "library.unit";
    /** The documents (a Table, files and folders may be dropped on it; each TableItem's data is its line). */
    String ID_TABLE = "library.table";
    /** 「ファイルを追加…」. */
    String ID_ADD_FILES = "library.addFiles";
    /** 「フォルダーを追加…」. */
    String ID_ADD_FOLDER = "library.addFolder";
    /** 「新しい版…」. */
    String ID_NEW_VERSION = "library.newVersion";
    /** 「情報を編集…」. */
    String ID_EDIT = "library.edit";
    /** 「ファイルを開く」: the selected document's current version in this computer's application for it. */
    String ID_OPEN_FILE = "library.openFile";
    /** The count above the table, 「12件」. */
    String ID_COUNT = "library.count";
    /** What happened to the last files added (refused ones named), shown only then. */
    String ID_MESSAGE = "library.message";
    /** The selected document's metadata (a Label per field, in a Composite). */
    String ID_DETAILS = "library.details";
    /** The selected document's versions (a Table, newest first; double-click previews one). */
    String ID_VERSIONS = "library.versions";
    /** The preview ({@code org.kairan.approval.ui.PdfViewer}). */
    String ID_VIEWER = "library.viewer";
    /** The edit dialog's fields. */
    String ID_EDIT_TITLE = "library.edit.title";
    String ID_EDIT_CLASS = "library.edit.classification";
    String ID_EDIT_YEAR = "library.edit.fiscalYear";
    String ID_EDIT_TAGS = "library.edit.tags";
    String ID_EDIT_RETENTION = "library.edit.retention";

    // --- widget data keys
    /** On a row of the table that stands for a file still being copied into the outbox, or refused there: its name. */
    String DATA_LOCAL_FILE = "org.kairan.library.localFile";
}

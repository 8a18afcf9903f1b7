package org.kairan.approval.ui;

/** Ids and widget ids of the 決裁 screens bundle. */
public interface ApprovalUiConstants {

    String PLUGIN_ID = "org.kairan.approval.ui";

    // --- widget ids (Widget.setData(WIDGET_ID, ...)), for UI tests and accessibility tools
    /** The key under which every Kairan bundle stores a widget's id (the same key as org.kairan.app's). */
    String WIDGET_ID = "org.kairan.widgetId";
    /** The PDF viewer's scrolling page area (a Canvas). */
    String ID_PDF_PAGES = "pdf.pages";
    /** The text shown instead of pages: no document, opening, or why the document cannot be shown. */
    String ID_PDF_MESSAGE = "pdf.message";
    /** The page number field (type a number and Enter to go there). */
    String ID_PDF_PAGE_NUMBER = "pdf.pageNumber";
    /** 「/ 20 ページ」 beside the page number field. */
    String ID_PDF_PAGE_COUNT = "pdf.pageCount";
    String ID_PDF_PREVIOUS = "pdf.previous";
    String ID_PDF_NEXT = "pdf.next";
    String ID_PDF_ZOOM_IN = "pdf.zoomIn";
    String ID_PDF_ZOOM_OUT = "pdf.zoomOut";
    /** The zoom box: 幅に合わせる, ページ全体, or a percentage (a number can be typed). */
    String ID_PDF_ZOOM = "pdf.zoom";

    /** The 決裁 part's id in the application model. */
    String PART_KESSAI = "org.kairan.app.part.kessai";
    /**
     * Shows one 案件 in the 決裁 tab (brought to the front): selected in the folder that holds it, or on its
     * own when it is in no folder (an old decision found by search). Parameter {@link #PARAM_KESSAI_ID}; optionally
     * {@link #PARAM_KESSAI_ATTACHMENT} with {@link #PARAM_KESSAI_PAGE} and {@link #PARAM_KESSAI_WORDS}: that
     * attachment is shown in the 文書 tab at that page with those words highlighted (a search hit inside it).
     */
    String COMMAND_OPEN_KESSAI = "org.kairan.approval.ui.command.openKessai";
    /** The 決裁 id parameter of {@link #COMMAND_OPEN_KESSAI}. */
    String PARAM_KESSAI_ID = "org.kairan.approval.ui.command.openKessai.id";
    /** Optional parameter of {@link #COMMAND_OPEN_KESSAI}: the id of the attachment to show. */
    String PARAM_KESSAI_ATTACHMENT = "org.kairan.approval.ui.command.openKessai.attachment";
    /** Optional parameter of {@link #COMMAND_OPEN_KESSAI}: the attachment's 1-based page to show (default 1). */
    String PARAM_KESSAI_PAGE = "org.kairan.approval.ui.command.openKessai.page";
    /** Optional parameter of {@link #COMMAND_OPEN_KESSAI}: the words to highlight in the attachment, one a line. */
    String PARAM_KESSAI_WORDS = "org.kairan.approval.ui.command.openKessai.words";
    /** The 決裁 inbox's folder list (承認待ち (n), 後閲 (n) …). */
    String ID_KESSAI_FOLDERS = "kessai.folders";
    /** The 案件 of the selected folder (a virtual table). */
    String ID_KESSAI_ITEMS = "kessai.items";
    /** 「n件」 above the list. */
    String ID_KESSAI_COUNT = "kessai.count";
    String ID_KESSAI_NEW = "kessai.new";
    String ID_KESSAI_EDIT = "kessai.edit";
    String ID_KESSAI_SUBMIT = "kessai.submit";
    String ID_KESSAI_APPROVE = "kessai.approve";
    String ID_KESSAI_SEND_BACK = "kessai.sendBack";
    String ID_KESSAI_PULL_BACK = "kessai.pullBack";
    String ID_KESSAI_WITHDRAW = "kessai.withdraw";
    String ID_KESSAI_REJECT = "kessai.reject";
    String ID_KESSAI_COMMENT = "kessai.comment";
    String ID_KESSAI_POST_REVIEW = "kessai.postReview";
    String ID_KESSAI_READ = "kessai.read";
    String ID_KESSAI_ABSENCE = "kessai.absence";
    /** 決裁簿… (export the register of a 課 as CSV). */
    String ID_KESSAI_REGISTER = "kessai.register";
    /** 保存年限… (administrators: records past their retention, 廃棄・移管・継続). */
    String ID_KESSAI_RETENTION = "kessai.retention";
    /** The retention dialog's list. */
    String ID_RETENTION_TABLE = "kessai.retention.table";
    /** The detail's tabs (経路, 内容, 文書). */
    String ID_KESSAI_TABS = "kessai.tabs";
    /** The route view: one line per person, with result, time and comment. */
    String ID_KESSAI_ROUTE = "kessai.route";
    /** The history below the route view. */
    String ID_KESSAI_HISTORY = "kessai.history";
    /** The 内容 tab's text. */
    String ID_KESSAI_CONTENT = "kessai.content";
    /** The 文書 tab's list of files (and the record of decision). */
    String ID_KESSAI_FILES = "kessai.files";
    /** The 文書 tab's 「ファイルを追加…」 (files added on the route become new versions). */
    String ID_KESSAI_ATTACH = "kessai.attach";
    /** The 文書 tab's PDF viewer. */
    String ID_KESSAI_VIEWER = "kessai.viewer";
    /** Dialog fields, for UI tests. */
    String ID_DRAFT_SUBJECT = "kessai.draft.subject";
    String ID_DRAFT_CLASS = "kessai.draft.class";
    String ID_DRAFT_KIND = "kessai.draft.kind";
    String ID_DRAFT_AMOUNT = "kessai.draft.amount";
    String ID_DRAFT_BODY = "kessai.draft.body";
    String ID_DRAFT_RESTRICTED = "kessai.draft.restricted";
    String ID_DRAFT_FILES = "kessai.draft.files";
    String ID_DRAFT_ADD_FILE = "kessai.draft.addFile";
    String ID_DRAFT_ROUTE = "kessai.draft.route";
    String ID_DRAFT_ADD_CONSULTATION = "kessai.draft.addConsultation";
    String ID_DRAFT_ADD_READER = "kessai.draft.addReader";
    String ID_DRAFT_SAVE = "kessai.draft.save";
    String ID_DRAFT_SUBMIT = "kessai.draft.submit";
    String ID_REASON_TEXT = "kessai.reason";
    String ID_SEND_BACK_TARGET = "kessai.sendBack.target";
    String ID_CONSULT_UNIT = "kessai.consult.unit";
    String ID_CONSULT_POSITION = "kessai.consult.position";
    String ID_CONSULT_ANY_ONE = "kessai.consult.anyOne";
    String ID_ABSENCE_FROM = "kessai.absence.from";
    String ID_ABSENCE_TO = "kessai.absence.to";
    String ID_ABSENCE_REASON = "kessai.absence.reason";
}

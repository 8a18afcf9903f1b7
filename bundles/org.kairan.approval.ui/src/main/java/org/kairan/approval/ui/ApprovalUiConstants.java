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
}

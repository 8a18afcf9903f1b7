package org.kairan.approval.ui.nls;

/**
 * Every user-visible text of the 決裁 screens. Filled by e4's message factory from
 * {@code OSGI-INF/l10n/bundle*.properties} of this bundle (Japanese by default, English for English
 * locales); get it with {@code @Inject @Translation Messages}. Texts with arguments are
 * {@link java.text.MessageFormat} patterns. Keep the fields in step with the properties files
 * (the tests check).
 */
public class Messages {
    public String pdf_noDocument;
    public String pdf_loading;
    public String pdf_pageLoading;
    public String pdf_pageCount;
    public String pdf_pageIndicator;
    public String pdf_pageNumberTooltip;
    public String pdf_previousPage;
    public String pdf_nextPage;
    public String pdf_zoomIn;
    public String pdf_zoomOut;
    public String pdf_zoomTooltip;
    public String pdf_fitWidth;
    public String pdf_fitPage;
    public String pdf_zoomPercent;
    public String pdf_pagesAccessible;
    public String pdf_openJob;
    public String pdf_renderJob;
    public String pdf_errorMissing;
    public String pdf_errorEmpty;
    public String pdf_errorDamaged;
    public String pdf_errorEncrypted;
    public String pdf_errorUnreadable;
    public String pdf_errorPage;
}

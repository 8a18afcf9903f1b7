package org.kairan.search.ui.internal;

import java.util.ArrayList;
import java.util.LinkedHashSet;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.Set;

import org.eclipse.swt.SWT;
import org.eclipse.swt.graphics.Color;
import org.eclipse.swt.graphics.Font;
import org.eclipse.swt.graphics.FontData;
import org.eclipse.swt.graphics.GC;
import org.eclipse.swt.graphics.Rectangle;
import org.eclipse.swt.widgets.Composite;
import org.eclipse.swt.widgets.Event;
import org.eclipse.swt.widgets.Table;
import org.eclipse.swt.widgets.TableColumn;
import org.eclipse.swt.widgets.TableItem;
import org.kairan.search.SearchHit;
import org.kairan.search.ui.SearchUiConstants;

/**
 * The hits: a virtual table whose first column is drawn by hand in two lines, the title in bold and the
 * passage under it, with the words the search matched on a highlight (and in bold in the passage); the
 * marker characters are never drawn; a hit on a page of a 決裁's attachment has the file and page after the
 * 件名 (「添付「見積書.pdf」p.2」). The other columns: 種別, 状態, 課, date (和暦 in Japanese), page. Each
 * row's item holds its {@link SearchHit} as data, its plain title as text (for screen readers and tests) and
 * the highlighted words under {@link SearchUiConstants#DATA_HIGHLIGHTED}.
 */
final class ResultTable {

    /** Background of a matched word: a marker-pen yellow, readable with black text on any selection colour. */
    static final int[] HIGHLIGHT_RGB = {255, 226, 102};
    /** Space around the two lines of a hit, and before its text. */
    private static final int PAD = 6;
    private static final int ROW_SPACE = 12;

    private final Table table;
    private final SearchTexts texts;
    private final Font bold;
    private final Color highlight;
    private final Color passage;
    private List<SearchHit> hits = List.of();
    private Map<String, String> files = Map.of();
    private boolean titleResized;
    private boolean fitting;

    ResultTable(Composite parent, SearchTexts texts) {
        this.texts = texts;
        table = new Table(parent, SWT.SINGLE | SWT.FULL_SELECTION | SWT.BORDER | SWT.VIRTUAL | SWT.V_SCROLL
                | SWT.H_SCROLL);
        table.setData(SearchUiConstants.WIDGET_ID, SearchUiConstants.ID_RESULTS);
        table.setHeaderVisible(true);
        table.setLinesVisible(true);
        FontData[] data = table.getFont().getFontData();
        for (FontData d : data) {
            d.setStyle(SWT.BOLD);
        }
        bold = new Font(table.getDisplay(), data);
        highlight = new Color(HIGHLIGHT_RGB[0], HIGHLIGHT_RGB[1], HIGHLIGHT_RGB[2]);
        passage = new Color(70, 70, 70);
        table.addListener(SWT.Dispose, e -> bold.dispose());
        var m = texts.messages();
        String[] titles = {m.search_col_title, m.search_col_kind, m.search_col_state, m.search_col_unit, m.search_col_date,
            m.search_col_page};
        int[] widths = {480, 80, 110, 190, 150, 70};
        for (int i = 0; i < titles.length; i++) {
            TableColumn column = new TableColumn(table, i == titles.length - 1 ? SWT.RIGHT : SWT.LEFT);
            column.setText(titles[i]);
            column.setWidth(widths[i]);
            column.setResizable(true);
            if (i == 0) {
                column.addListener(SWT.Resize, e -> titleResized |= !fitting && table.isVisible());
            }
        }
        table.addListener(SWT.Resize, e -> fitTitleColumn());
        table.addListener(SWT.SetData, this::fill);
        table.addListener(SWT.MeasureItem, e -> {
            if (e.index == 0) {
                e.height = Math.max(e.height, 2 * lineHeight(e.gc) + ROW_SPACE);
            }
        });
        table.addListener(SWT.EraseItem, e -> {
            if (e.index == 0) {
                e.detail &= ~SWT.FOREGROUND; // the first column's text is drawn below, with its highlights
            }
        });
        table.addListener(SWT.PaintItem, this::paint);
    }

    Table control() {
        return table;
    }

    /** The title column takes the width the others leave (until the person resizes it). */
    private void fitTitleColumn() {
        int others = 0;
        for (int i = 1; i < table.getColumnCount(); i++) {
            others += table.getColumn(i).getWidth();
        }
        int width = table.getClientArea().width - others;
        if (width > 280 && !titleResized) {
            fitting = true;
            table.getColumn(0).setWidth(width);
            fitting = false;
        }
    }

    /** The height of a line of Japanese text (the CJK fallback font is taller than the table font's metrics). */
    private static int lineHeight(GC gc) {
        return Math.max(gc.getFontMetrics().getHeight(), gc.textExtent("件名Ag").y);
    }

    /**
     * Shows the hits, those on a 決裁's attachment with its name from {@code fileNames} (by attachment id); the one
     * selected before stays selected when it is still there.
     */
    void show(List<SearchHit> next, Map<String, String> fileNames) {
        String selected = selected().map(ResultTable::key).orElse(null);
        hits = List.copyOf(next);
        files = Map.copyOf(fileNames);
        table.clearAll();
        table.setItemCount(hits.size());
        table.deselectAll();
        for (int i = 0; selected != null && i < hits.size(); i++) {
            if (key(hits.get(i)).equals(selected)) {
                table.setSelection(i);
                break;
            }
        }
    }

    List<SearchHit> hits() {
        return hits;
    }

    Map<String, String> files() {
        return files;
    }

    /** The title as marked for the hit, with the attachment and page after it for a hit on an attachment's page. */
    private String markedTitle(SearchHit hit) {
        if (hit.attachment().isEmpty()) {
            return hit.markedTitle();
        }
        String name = files.get(hit.attachment());
        return hit.markedTitle() + "\u3000" + (name == null ? texts.page(hit.page()) : texts.attachmentPage(name,
                hit.page()));
    }

    Optional<SearchHit> selected() {
        int index = table.isDisposed() ? -1 : table.getSelectionIndex();
        return index >= 0 && index < hits.size() ? Optional.of(hits.get(index)) : Optional.empty();
    }

    /** Selects the first hit when none is (arrowing down from the search box). */
    void selectFirstIfNone() {
        if (table.getSelectionIndex() < 0 && !hits.isEmpty()) {
            table.setSelection(0);
            table.notifyListeners(SWT.Selection, new Event());
        }
    }

    /** The words the search matched in a hit, in its title first, each once. */
    static List<String> highlighted(SearchHit hit) {
        Set<String> words = new LinkedHashSet<>(MarkedText.parse(hit.markedTitle()).markedWords());
        words.addAll(MarkedText.parse(hit.snippet()).markedWords());
        return List.copyOf(words);
    }

    private static String key(SearchHit hit) {
        return hit.kind() + ":" + hit.id() + "#" + hit.attachment() + "/" + hit.page();
    }

    private void fill(Event e) {
        TableItem item = (TableItem) e.item;
        int index = table.indexOf(item);
        if (index < 0 || index >= hits.size()) {
            return;
        }
        SearchHit hit = hits.get(index);
        item.setData(hit);
        item.setData(SearchUiConstants.DATA_HIGHLIGHTED, highlighted(hit));
        item.setText(new String[] {MarkedText.parse(markedTitle(hit)).plain(), texts.kind(hit.kind()),
            texts.state(hit.state()), hit.unit(), texts.date(hit.day()), texts.page(hit.page())});
    }

    private void paint(Event e) {
        if (e.index != 0 || !(e.item.getData() instanceof SearchHit hit)) {
            return;
        }
        GC gc = e.gc;
        // the row in the GC's coordinates (TableItem.getBounds is the text's box, one line high on GTK)
        Rectangle cell = new Rectangle(e.x, e.y, table.getColumn(0).getWidth(), e.height);
        boolean selected = (e.detail & SWT.SELECTED) != 0;
        Color text = selected ? table.getDisplay().getSystemColor(SWT.COLOR_LIST_SELECTION_TEXT)
                : table.getDisplay().getSystemColor(SWT.COLOR_LIST_FOREGROUND);
        Font normal = table.getFont();
        gc.setFont(bold);
        int line = lineHeight(gc);
        int top = cell.y + Math.max(0, (cell.height - 2 * line) / 2);
        int right = cell.x + cell.width - PAD;
        gc.setFont(bold);
        draw(gc, MarkedText.parse(markedTitle(hit)), cell.x + PAD, top, right, text, bold, bold);
        MarkedText snippet = MarkedText.parse(hit.snippet());
        if (!snippet.isEmpty()) {
            draw(gc, snippet, cell.x + PAD, top + line, right, selected ? text : passage, normal, bold);
        }
        gc.setFont(normal);
    }

    /**
     * Draws the pieces from left to right, the marked ones on the highlight in black; what does not fit ends
     * in 「…」.
     */
    private void draw(GC gc, MarkedText text, int x, int y, int right, Color plain, Font plainFont, Font markFont) {
        Color black = table.getDisplay().getSystemColor(SWT.COLOR_BLACK);
        for (MarkedText.Segment segment : text.segments()) {
            gc.setFont(segment.marked() ? markFont : plainFont);
            String shown = segment.text();
            int width = gc.stringExtent(shown).x;
            boolean cut = x + width > right;
            if (cut) {
                shown = fit(gc, shown, right - x - gc.stringExtent("…").x) + "…";
                width = gc.stringExtent(shown).x;
            }
            if (segment.marked()) {
                gc.setBackground(highlight);
                gc.fillRectangle(x, y, width, gc.textExtent(shown).y);
                gc.setForeground(black);
            } else {
                gc.setForeground(plain);
            }
            gc.drawString(shown, x, y, true);
            x += width;
            if (cut) {
                return;
            }
        }
    }

    /** The longest start of the text (whole code points) narrower than {@code width}. */
    private static String fit(GC gc, String text, int width) {
        List<Integer> ends = new ArrayList<>();
        for (int i = 0; i < text.length(); i = text.offsetByCodePoints(i, 1)) {
            ends.add(text.offsetByCodePoints(i, 1));
        }
        int low = 0;
        int high = ends.size();
        while (low < high) {
            int mid = (low + high + 1) / 2;
            if (gc.stringExtent(text.substring(0, ends.get(mid - 1))).x <= width) {
                low = mid;
            } else {
                high = mid - 1;
            }
        }
        return low == 0 ? "" : text.substring(0, ends.get(low - 1));
    }
}

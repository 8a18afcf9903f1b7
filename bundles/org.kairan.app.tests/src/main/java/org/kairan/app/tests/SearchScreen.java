package org.kairan.app.tests;

import java.util.ArrayList;
import java.util.Arrays;
import java.util.List;
import java.util.Optional;

import org.eclipse.swt.SWT;
import org.eclipse.swt.graphics.GC;
import org.eclipse.swt.graphics.Image;
import org.eclipse.swt.graphics.ImageData;
import org.eclipse.swt.graphics.Point;
import org.eclipse.swt.graphics.RGB;
import org.eclipse.swt.graphics.Rectangle;
import org.eclipse.swt.widgets.Button;
import org.eclipse.swt.widgets.Control;
import org.eclipse.swt.widgets.Event;
import org.eclipse.swt.widgets.Label;
import org.eclipse.swt.widgets.Shell;
import org.eclipse.swt.widgets.Table;
import org.eclipse.swt.widgets.TableItem;
import org.eclipse.swt.widgets.Text;
import org.kairan.search.Facet;
import org.kairan.search.SearchHit;
import org.kairan.search.SearchQuery;
import org.kairan.search.ui.SearchUiConstants;

/**
 * The 検索 tab as a test drives it: the box, the hits, the facet check boxes, the saved searches and the index
 * line, found by their widget ids; keys sent to a widget as the keyboard would.
 */
final class SearchScreen {

    private final SwtDriver driver;
    private final Desktop desktop;

    SearchScreen(SwtDriver driver, Desktop desktop) {
        this.driver = driver;
        this.desktop = desktop;
    }

    void show() {
        desktop.showPart(SearchUiConstants.PART_SEARCH);
        driver.waitUntil("the 検索 tab is shown", () -> SwtDriver.find(desktop.mainWindow(), SearchUiConstants.ID_BOX)
                .isPresent());
    }

    Text box() {
        return desktop.find(SearchUiConstants.ID_BOX, Text.class);
    }

    Table results() {
        return desktop.find(SearchUiConstants.ID_RESULTS, Table.class);
    }

    String count() {
        return desktop.find(SearchUiConstants.ID_COUNT, Label.class).getText();
    }

    String indexStatus() {
        return desktop.find(SearchUiConstants.ID_INDEX_STATUS, Label.class).getText();
    }

    Button button(String id) {
        return desktop.find(id, Button.class);
    }

    org.eclipse.swt.widgets.List saved() {
        return desktop.find(SearchUiConstants.ID_SAVED, org.eclipse.swt.widgets.List.class);
    }

    /** Types into the box as a person would (Modify fires, suggestions are asked for). */
    void type(String text) {
        SwtDriver.type(box(), text);
    }

    /** A key pressed in a widget (Enter, Down …), as the keyboard would send it. */
    void key(Control control, int keyCode) {
        Event event = new Event();
        event.keyCode = keyCode;
        event.character = keyCode < 0x10000 ? (char) keyCode : 0; // Enter, Escape; 0 for the arrows
        control.notifyListeners(SWT.KeyDown, event);
        Event up = new Event();
        up.keyCode = keyCode;
        up.character = event.character;
        control.notifyListeners(SWT.KeyUp, up);
        driver.settle();
    }

    /** Enter in the box with the suggestions closed: DefaultSelection, as GTK sends for Enter in a search field. */
    void enter() {
        box().notifyListeners(SWT.DefaultSelection, new Event());
    }

    /** Types the text, presses Enter and waits until the hits of that text are shown, including {@code expected}. */
    void search(String text, String expected) {
        type(text);
        enter();
        waitForQuery(q -> q.text().equals(text), "the hits of 「" + text + "」");
        waitForHit(expected);
    }

    /** The query whose hits are shown, or null. */
    SearchQuery shown() {
        return (SearchQuery) results().getData(SearchUiConstants.DATA_QUERY);
    }

    /** Waits until the hits shown are those of a query like this. */
    void waitForQuery(java.util.function.Predicate<SearchQuery> expected, String what) {
        driver.waitUntil(what + " are shown", () -> shown() != null && expected.test(shown()));
    }

    void waitForHit(String title) {
        driver.waitUntil("「" + title + "」 is among the hits for 「" + box().getText() + "」", () -> row(title).isPresent());
    }

    /** The row of the hit with this title, if listed (reading a virtual row fills it). */
    Optional<TableItem> row(String title) {
        Table table = results();
        for (int i = 0; i < table.getItemCount(); i++) {
            if (table.getItem(i).getText(0).equals(title)) {
                return Optional.of(table.getItem(i));
            }
        }
        return Optional.empty();
    }

    List<SearchHit> hits() {
        Table table = results();
        List<SearchHit> hits = new ArrayList<>();
        for (int i = 0; i < table.getItemCount(); i++) {
            table.getItem(i).getText(0); // fills the virtual row
            hits.add((SearchHit) table.getItem(i).getData());
        }
        return hits;
    }

    /** Every cell's text of every row. */
    List<String> cells() {
        Table table = results();
        List<String> cells = new ArrayList<>();
        for (int i = 0; i < table.getItemCount(); i++) {
            for (int c = 0; c < table.getColumnCount(); c++) {
                cells.add(table.getItem(i).getText(c));
            }
        }
        return cells;
    }

    /** Selects a hit as a click would. */
    void select(String title) {
        Table table = results();
        TableItem row = row(title).orElseThrow(() -> new AssertionError("「" + title + "」 is not listed"));
        table.setSelection(row);
        table.notifyListeners(SWT.Selection, new Event());
        driver.settle();
    }

    /** The check box of a facet's value, if offered. */
    Optional<Button> facet(Facet facet, String value) {
        return SwtDriver.all(desktop.find(SearchUiConstants.ID_FACETS, org.eclipse.swt.widgets.Composite.class),
                c -> c instanceof Button && (SearchUiConstants.ID_FACET_PREFIX + facet.name()).equals(c.getData(
                        SearchUiConstants.WIDGET_ID)) && value.equals(c.getData(SearchUiConstants.DATA_FACET_VALUE)))
                .stream().map(Button.class::cast).findFirst();
    }

    /** Ticks or unticks a facet value as Space on it would. */
    void tick(Facet facet, String value, boolean on) {
        Button box = facet(facet, value).orElseThrow(() -> new AssertionError(facet + " " + value + " is not offered"));
        box.setFocus();
        box.setSelection(on);
        box.notifyListeners(SWT.Selection, new Event());
    }

    /** The visible shell of the suggestion list under the box, if open, and its lines. */
    Optional<List<String>> suggestions() {
        for (Shell shell : driver.shells()) {
            if (shell.isVisible() && shell != desktop.mainWindow() && shell.getParent() == desktop.mainWindow()) {
                List<Control> tables = SwtDriver.all(shell, c -> c instanceof Table);
                if (!tables.isEmpty()) {
                    Table table = (Table) tables.getFirst();
                    List<String> lines = new ArrayList<>();
                    for (int i = 0; i < table.getItemCount(); i++) {
                        lines.add(table.getItem(i).getText());
                    }
                    return Optional.of(lines);
                }
            }
        }
        return Optional.empty();
    }

    /** How many pixels of the row's first cell have the colour (the cell as drawn on screen). */
    int pixelsOf(TableItem row, RGB colour) {
        Table table = row.getParent();
        table.showItem(row);
        driver.settle();
        Rectangle line = row.getBounds(); // the row's height (getBounds(0) is the text's box, one line high)
        Rectangle cell = new Rectangle(0, line.y, table.getColumn(0).getWidth(), line.height);
        Point size = table.getSize();
        Image image = new Image(table.getDisplay(), size.x, size.y);
        try {
            GC gc = new GC(image);
            try {
                table.print(gc);
            } finally {
                gc.dispose();
            }
            ImageData data = image.getImageData();
            int found = 0;
            for (int y = Math.max(0, cell.y); y < Math.min(data.height, cell.y + cell.height); y++) {
                for (int x = Math.max(0, cell.x); x < Math.min(data.width, cell.x + cell.width); x++) {
                    if (data.palette.getRGB(data.getPixel(x, y)).equals(colour)) {
                        found++;
                    }
                }
            }
            return found;
        } finally {
            image.dispose();
        }
    }

    static List<String> lines(org.eclipse.swt.widgets.List list) {
        return Arrays.asList(list.getItems());
    }
}

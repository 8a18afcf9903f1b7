package org.kairan.search.ui.internal;

import java.time.LocalDate;
import java.util.ArrayList;
import java.util.EnumMap;
import java.util.HashMap;
import java.util.HashSet;
import java.util.List;
import java.util.Map;
import java.util.Set;

import org.eclipse.jface.layout.GridDataFactory;
import org.eclipse.jface.layout.GridLayoutFactory;
import org.eclipse.swt.SWT;
import org.eclipse.swt.custom.ScrolledComposite;
import org.eclipse.swt.graphics.Font;
import org.eclipse.swt.graphics.FontData;
import org.eclipse.swt.graphics.Point;
import org.eclipse.swt.widgets.Button;
import org.eclipse.swt.widgets.Composite;
import org.eclipse.swt.widgets.Control;
import org.eclipse.swt.widgets.DateTime;
import org.eclipse.swt.widgets.Label;
import org.kairan.search.Facet;
import org.kairan.search.FacetCount;
import org.kairan.search.SearchQuery;
import org.kairan.search.ui.SearchUiConstants;
import org.kairan.ui.DayPicker;

/**
 * The narrowing beside the hits: for each facet (種別, 課, 年度, 文書分類, 決裁状態) a heading and one check box per
 * value with its count, the chosen values always among them; the period (first and last day, each optional);
 * 「絞り込みを解除」. Every change calls back, and the view searches again. Checked values of one facet are
 * alternatives; facets narrow together.
 */
final class FacetPanel {

    /** Values shown per facet (the most frequent first); the rest are found by typing more words. */
    static final int MAX_VALUES = 12;

    private final SearchTexts texts;
    private final Runnable changed;
    private final ScrolledComposite scroller;
    private final Composite body;
    private final Composite values;
    private final Label hint;
    private final Button fromEnabled;
    private final DateTime from;
    private final Button toEnabled;
    private final DateTime to;
    private final Font bold;
    private final Map<Facet, Set<String>> chosen = new EnumMap<>(Facet.class);
    private final Button clear;
    /** Data key of the facet panel's own controls: what each stands for (heading, value, more). */
    private static final String KEY = "org.kairan.search.facetKey";

    /** @param today the office's today, where the period's days start */
    FacetPanel(Composite parent, SearchTexts texts, LocalDate today, Runnable changed) {
        this.texts = texts;
        this.changed = changed;
        var m = texts.messages();
        scroller = new ScrolledComposite(parent, SWT.V_SCROLL);
        scroller.setExpandHorizontal(true);
        scroller.setExpandVertical(false);
        body = new Composite(scroller, SWT.NONE);
        scroller.setContent(body);
        scroller.addListener(SWT.Resize, e -> relayout());
        GridLayoutFactory.fillDefaults().margins(8, 4).spacing(4, 2).applyTo(body);
        FontData[] data = body.getFont().getFontData();
        for (FontData d : data) {
            d.setStyle(SWT.BOLD);
        }
        bold = new Font(body.getDisplay(), data);
        body.addListener(SWT.Dispose, e -> bold.dispose());

        heading(body, m.search_filters_label);
        hint = new Label(body, SWT.WRAP);
        hint.setText(m.search_filters_hint);
        GridDataFactory.fillDefaults().grab(true, false).hint(200, SWT.DEFAULT).applyTo(hint);
        values = new Composite(body, SWT.NONE);
        values.setData(SearchUiConstants.WIDGET_ID, SearchUiConstants.ID_FACETS);
        GridDataFactory.fillDefaults().grab(true, false).applyTo(values);
        GridLayoutFactory.fillDefaults().spacing(4, 1).applyTo(values);

        heading(body, m.search_period).setToolTipText(m.search_periodTooltip);
        Composite period = new Composite(body, SWT.NONE);
        GridLayoutFactory.fillDefaults().numColumns(2).spacing(6, 3).applyTo(period);
        fromEnabled = check(period, m.search_from, SearchUiConstants.ID_FROM_ENABLED);
        from = date(period, SearchUiConstants.ID_FROM, today);
        toEnabled = check(period, m.search_to, SearchUiConstants.ID_TO_ENABLED);
        to = date(period, SearchUiConstants.ID_TO, today);
        fromEnabled.addListener(SWT.Selection, e -> periodChanged());
        toEnabled.addListener(SWT.Selection, e -> periodChanged());
        from.addListener(SWT.Selection, e -> periodChanged());
        to.addListener(SWT.Selection, e -> periodChanged());

        clear = new Button(body, SWT.PUSH);
        clear.setText(m.search_clearFilters);
        clear.setData(SearchUiConstants.WIDGET_ID, SearchUiConstants.ID_CLEAR_FILTERS);
        GridDataFactory.swtDefaults().indent(0, 8).applyTo(clear);
        clear.addListener(SWT.Selection, e -> {
            if (clear(true)) {
                changed.run();
            }
        });
        show(Map.of());
    }

    Control control() {
        return scroller;
    }

    private Label heading(Composite parent, String text) {
        Label label = new Label(parent, SWT.NONE);
        label.setText(text);
        label.setFont(bold);
        GridDataFactory.fillDefaults().indent(0, 6).applyTo(label);
        return label;
    }

    private static Button check(Composite parent, String text, String id) {
        Button button = new Button(parent, SWT.CHECK);
        button.setText(text);
        button.setData(SearchUiConstants.WIDGET_ID, id);
        return button;
    }

    private static DateTime date(Composite parent, String id, LocalDate today) {
        DateTime date = DayPicker.create(parent, today);
        date.setData(SearchUiConstants.WIDGET_ID, id);
        date.setEnabled(false);
        return date;
    }

    private void periodChanged() {
        from.setEnabled(fromEnabled.getSelection());
        to.setEnabled(toEnabled.getSelection());
        changed.run();
    }

    /**
     * Shows the counts of a search: per facet its most frequent values, and the chosen ones even when they
     * no longer occur. The check boxes of values still shown are kept (updated in place, put in their new
     * order), so the one the person just ticked keeps the keyboard focus.
     */
    void show(Map<Facet, List<FacetCount>> counts) {
        Map<String, Control> existing = new HashMap<>();
        for (Control c : values.getChildren()) {
            existing.put((String) c.getData(KEY), c);
        }
        List<Control> wanted = new ArrayList<>();
        for (Facet facet : Facet.values()) {
            List<FacetCount> all = counts.getOrDefault(facet, List.of());
            Set<String> picked = chosen.getOrDefault(facet, Set.of());
            List<FacetCount> shown = new ArrayList<>(all.subList(0, Math.min(MAX_VALUES, all.size())));
            for (String value : picked) {
                if (shown.stream().noneMatch(c -> c.value().equals(value))) {
                    shown.add(all.stream().filter(c -> c.value().equals(value)).findFirst()
                            .orElse(new FacetCount(value, 0)));
                }
            }
            if (shown.isEmpty()) {
                continue;
            }
            Label heading = (Label) existing.remove("heading:" + facet);
            if (heading == null) {
                heading = heading(values, texts.facet(facet));
                heading.setData(KEY, "heading:" + facet);
            }
            wanted.add(heading);
            for (FacetCount count : shown) {
                String key = "value:" + facet + ":" + count.value();
                Button box = (Button) existing.remove(key);
                if (box == null) {
                    box = check(values, "", SearchUiConstants.ID_FACET_PREFIX + facet.name());
                    box.setData(KEY, key);
                    box.setData(SearchUiConstants.DATA_FACET_VALUE, count.value());
                    GridDataFactory.fillDefaults().indent(8, 0).applyTo(box);
                    Button clicked = box;
                    box.addListener(SWT.Selection, e -> toggle(facet, count.value(), clicked.getSelection()));
                }
                box.setText(texts.valueWithCount(facet, count.value(), count.count()));
                box.setSelection(picked.contains(count.value()));
                wanted.add(box);
            }
            Label more = (Label) existing.remove("more:" + facet);
            if (all.size() > shown.size()) {
                if (more == null) {
                    more = new Label(values, SWT.WRAP);
                    more.setData(KEY, "more:" + facet);
                    GridDataFactory.fillDefaults().indent(8, 0).hint(200, SWT.DEFAULT).applyTo(more);
                }
                more.setText(java.text.MessageFormat.format(texts.messages().search_facet_more, all.size() - shown.size()));
                wanted.add(more);
            } else if (more != null) {
                existing.put("more:" + facet, more);
            }
        }
        boolean hadFocus = existing.values().stream().anyMatch(Control::isFocusControl);
        existing.values().forEach(Control::dispose);
        for (int i = 0; i < wanted.size(); i++) {
            if (i == 0) {
                wanted.get(i).moveAbove(null);
            } else {
                wanted.get(i).moveBelow(wanted.get(i - 1));
            }
        }
        boolean any = !wanted.isEmpty();
        hint.setVisible(!any);
        ((org.eclipse.swt.layout.GridData) hint.getLayoutData()).exclude = any;
        relayout();
        if (hadFocus) { // the value with the focus is gone: the focus stays in the panel
            wanted.stream().filter(Button.class::isInstance).findFirst().orElse(clear).setFocus();
        }
    }

    private void relayout() {
        body.layout(true, true);
        int width = Math.max(scroller.getClientArea().width, 200);
        Point size = body.computeSize(width, SWT.DEFAULT);
        body.setSize(size);
        scroller.setMinSize(size);
    }

    private void toggle(Facet facet, String value, boolean on) {
        Set<String> picked = new HashSet<>(chosen.getOrDefault(facet, Set.of()));
        if (on) {
            picked.add(value);
        } else {
            picked.remove(value);
        }
        if (picked.isEmpty()) {
            chosen.remove(facet);
        } else {
            chosen.put(facet, picked);
        }
        changed.run();
    }

    /** The chosen values per facet. */
    Map<Facet, Set<String>> filters() {
        Map<Facet, Set<String>> copy = new EnumMap<>(Facet.class);
        chosen.forEach((facet, picked) -> copy.put(facet, Set.copyOf(picked)));
        return copy;
    }

    LocalDate from() {
        return fromEnabled.getSelection() ? day(from) : null;
    }

    LocalDate to() {
        return toEnabled.getSelection() ? day(to) : null;
    }

    private static LocalDate day(DateTime date) {
        return DayPicker.dayOf(date);
    }

    /** Takes the narrowing of a saved search (without calling back). */
    void set(SearchQuery query) {
        chosen.clear();
        query.filters().forEach((facet, picked) -> chosen.put(facet, new HashSet<>(picked)));
        setDay(fromEnabled, from, query.from());
        setDay(toEnabled, to, query.to());
    }

    private static void setDay(Button enabled, DateTime date, LocalDate day) {
        enabled.setSelection(day != null);
        date.setEnabled(day != null);
        if (day != null) {
            DayPicker.show(date, day);
        }
    }

    /** Forgets every narrowing; whether there was any. {@code keepCounts}: the shown values stay (unchecked). */
    boolean clear(boolean keepCounts) {
        boolean had = !chosen.isEmpty() || fromEnabled.getSelection() || toEnabled.getSelection();
        chosen.clear();
        setDay(fromEnabled, from, null);
        setDay(toEnabled, to, null);
        if (keepCounts) {
            for (Control c : values.getChildren()) {
                if (c instanceof Button b) {
                    b.setSelection(false);
                }
            }
        } else {
            show(Map.of());
        }
        return had;
    }
}

package org.kairan.ui;

import java.util.function.Function;

import org.eclipse.jface.viewers.ColumnLabelProvider;
import org.eclipse.jface.viewers.TableViewer;
import org.eclipse.jface.viewers.TableViewerColumn;
import org.eclipse.jface.viewers.TreeViewer;
import org.eclipse.jface.viewers.TreeViewerColumn;
import org.eclipse.swt.SWT;
import org.eclipse.swt.graphics.Color;

/** Text columns of JFace table and tree viewers, each showing one property of the row. */
public final class ViewerColumns {

    private ViewerColumns() {
    }

    /**
     * Adds a column to a table.
     *
     * @param foreground the text colour of a row, {@code null} (or a function answering null) for the default
     */
    public static <T> TableViewerColumn add(TableViewer viewer, Class<T> rowType, String title, int width,
            Function<T, String> text, Function<T, Color> foreground) {
        TableViewerColumn column = new TableViewerColumn(viewer, SWT.LEFT);
        column.getColumn().setText(title);
        column.getColumn().setWidth(width);
        column.getColumn().setResizable(true);
        column.setLabelProvider(labels(rowType, text, foreground));
        return column;
    }

    /** Adds a column to a tree. */
    public static <T> TreeViewerColumn add(TreeViewer viewer, Class<T> rowType, String title, int width,
            Function<T, String> text) {
        TreeViewerColumn column = new TreeViewerColumn(viewer, SWT.LEFT);
        column.getColumn().setText(title);
        column.getColumn().setWidth(width);
        column.getColumn().setResizable(true);
        column.setLabelProvider(labels(rowType, text, null));
        return column;
    }

    private static <T> ColumnLabelProvider labels(Class<T> rowType, Function<T, String> text,
            Function<T, Color> foreground) {
        return new ColumnLabelProvider() {
            @Override
            public String getText(Object element) {
                return rowType.isInstance(element) ? text.apply(rowType.cast(element)) : "";
            }

            @Override
            public Color getForeground(Object element) {
                return foreground != null && rowType.isInstance(element) ? foreground.apply(rowType.cast(element))
                        : null;
            }
        };
    }
}

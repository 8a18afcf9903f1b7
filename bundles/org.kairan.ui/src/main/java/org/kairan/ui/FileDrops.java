package org.kairan.ui;

import java.nio.file.Path;
import java.util.Arrays;
import java.util.List;
import java.util.function.Consumer;

import org.eclipse.swt.dnd.DND;
import org.eclipse.swt.dnd.DropTarget;
import org.eclipse.swt.dnd.DropTargetAdapter;
import org.eclipse.swt.dnd.DropTargetEvent;
import org.eclipse.swt.dnd.FileTransfer;
import org.eclipse.swt.widgets.Control;

/** Files dropped from the file manager on a control: copied (never moved), handed over as paths. */
public final class FileDrops {

    private FileDrops() {
    }

    /** Makes {@code control} accept dropped files and folders, handed to {@code dropped} paths, in the order given. */
    public static DropTarget accept(Control control, Consumer<List<Path>> dropped) {
        DropTarget target = new DropTarget(control, DND.DROP_COPY | DND.DROP_MOVE | DND.DROP_LINK | DND.DROP_DEFAULT);
        target.setTransfer(FileTransfer.getInstance());
        target.addDropListener(new DropTargetAdapter() {
            @Override
            public void dragEnter(DropTargetEvent event) {
                event.detail = (event.operations & DND.DROP_COPY) != 0 ? DND.DROP_COPY : DND.DROP_NONE;
            }

            @Override
            public void dragOperationChanged(DropTargetEvent event) {
                dragEnter(event);
            }

            @Override
            public void drop(DropTargetEvent event) {
                if (event.data instanceof String[] names) {
                    dropped.accept(Arrays.stream(names).map(Path::of).toList());
                }
            }
        });
        return target;
    }
}

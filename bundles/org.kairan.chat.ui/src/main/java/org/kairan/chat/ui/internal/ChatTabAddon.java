package org.kairan.chat.ui.internal;

import java.util.List;

import org.eclipse.e4.core.di.annotations.Optional;
import org.eclipse.e4.ui.di.UIEventTopic;
import org.eclipse.e4.ui.model.application.MApplication;
import org.eclipse.e4.ui.model.application.ui.basic.MPart;
import org.eclipse.e4.ui.model.application.ui.basic.MWindow;
import org.eclipse.e4.ui.workbench.UIEvents;
import org.eclipse.e4.ui.workbench.modeling.EModelService;
import org.eclipse.e4.ui.workbench.modeling.EPartService;
import org.eclipse.swt.widgets.Display;
import org.kairan.chat.ui.ChatUiConstants;

import jakarta.inject.Inject;

/**
 * Creates the チャット part (without bringing it to the front) once the main window is shown, so that its tab counts
 * the unread messages and its balloon tells of what arrives before the person has ever opened the tab (e4 creates a
 * part's contents only when its tab is first shown).
 */
public final class ChatTabAddon {

    /** How long after the start the part is made. */
    static final int CREATE_AFTER_MILLIS = 3000;

    @Inject
    @Optional
    void startupComplete(@UIEventTopic(UIEvents.UILifeCycle.APP_STARTUP_COMPLETE) Object event,
            MApplication application, EModelService models) {
        Display display = Display.getCurrent();
        if (display != null) {
            // after the window's first layout and paint (FirstLayout relayouts it once GTK knows the menu bar)
            display.timerExec(CREATE_AFTER_MILLIS, () -> create(application, models));
        }
    }

    private static void create(MApplication application, EModelService models) {
        for (MWindow window : application.getChildren()) {
            List<MPart> parts = models.findElements(window, ChatUiConstants.PART_CHAT, MPart.class);
            if (!parts.isEmpty() && parts.get(0).getObject() == null && window.getContext() != null) {
                window.getContext().get(EPartService.class).showPart(parts.get(0), EPartService.PartState.CREATE);
            }
        }
    }
}

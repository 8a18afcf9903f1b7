package org.kairan.app.lifecycle;

import java.util.Locale;
import java.util.Optional;

import org.eclipse.e4.core.contexts.ContextInjectionFactory;
import org.eclipse.e4.core.contexts.IEclipseContext;
import org.eclipse.e4.core.services.events.IEventBroker;
import org.eclipse.e4.core.services.translation.TranslationService;
import org.eclipse.e4.ui.model.application.MApplication;
import org.eclipse.e4.ui.model.application.ui.basic.MWindow;
import org.eclipse.e4.ui.workbench.IWorkbench;
import org.eclipse.e4.ui.workbench.UIEvents;
import org.eclipse.e4.ui.workbench.lifecycle.PostContextCreate;
import org.eclipse.e4.ui.workbench.lifecycle.ProcessAdditions;
import org.eclipse.e4.ui.workbench.lifecycle.ProcessRemovals;
import org.eclipse.jface.window.Window;
import org.eclipse.swt.graphics.Rectangle;
import org.eclipse.swt.widgets.Display;
import org.eclipse.swt.widgets.Shell;
import org.kairan.app.lifecycle.WindowPlacement.Bounds;
import org.kairan.app.login.LoginPrompt;
import org.kairan.app.login.StartupTiming;
import org.kairan.app.preferences.AppPreferences;
import org.kairan.client.Session;
import org.kairan.ui.WindowImages;

/**
 * Start-up of the desktop: applies the language chosen in the preferences, then shows the login dialog
 * before any workbench window exists. The session goes into the application context (parts inject
 * {@link Session}); when the person cancels, the workbench closes without showing a window. The main
 * window opens at a size that fits the screen ({@link WindowPlacement}) and is laid out again once its
 * menu bar has its height ({@link FirstLayout}), so the status line is on screen even without a window
 * manager.
 */
public final class KairanLifeCycle {

    private boolean cancelled;
    private long loginConfirmedAt;

    @PostContextCreate
    void login(IEclipseContext context, Display display) {
        StartupTiming.sinceStart("application context ready");
        AppPreferences preferences = ContextInjectionFactory.make(AppPreferences.class, context);
        Optional<Locale> chosen = preferences.chosenLocale();
        chosen.ifPresent(locale -> {
            Locale.setDefault(locale);
            context.set(TranslationService.LOCALE, locale);
        });
        Window.setDefaultImages(new WindowImages(display).all());
        LoginPrompt prompt = ContextInjectionFactory.make(LoginPrompt.class, context);
        Optional<Session> session = prompt.open(null, true);
        loginConfirmedAt = prompt.confirmedAt();
        if (session.isPresent()) {
            context.set(Session.class, session.get());
        } else {
            cancelled = true;
        }
    }

    @ProcessAdditions
    void placeWindows(MApplication application, Display display) {
        Rectangle area = display.getPrimaryMonitor().getClientArea();
        Bounds bounds = WindowPlacement.within(new Bounds(area.x, area.y, area.width, area.height));
        for (MWindow window : application.getChildren()) {
            window.setX(bounds.x());
            window.setY(bounds.y());
            window.setWidth(bounds.width());
            window.setHeight(bounds.height());
        }
    }

    @ProcessRemovals
    void closeIfCancelled(MApplication application, IEventBroker broker, Display display) {
        if (!cancelled) {
            // the workbench windows get the same icon as the dialogs (e4 only knows iconURI files)
            broker.subscribe(UIEvents.UILifeCycle.APP_STARTUP_COMPLETE, event -> {
                for (MWindow window : application.getChildren()) {
                    if (window.getWidget() instanceof Shell shell && !shell.isDisposed()) {
                        shell.setImages(new WindowImages(display).all());
                        FirstLayout.watch(shell);
                        StartupTiming.since(loginConfirmedAt, "main window shown", "the login was confirmed");
                    }
                }
            });
            return;
        }
        for (MWindow window : application.getChildren()) {
            window.setToBeRendered(false);
        }
        broker.subscribe(UIEvents.UILifeCycle.APP_STARTUP_COMPLETE, event -> {
            IWorkbench workbench = application.getContext().get(IWorkbench.class);
            if (workbench != null) {
                workbench.close();
            }
        });
    }
}

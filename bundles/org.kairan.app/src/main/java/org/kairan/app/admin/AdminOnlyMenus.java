package org.kairan.app.admin;

import java.util.List;

import org.eclipse.e4.core.di.annotations.Optional;
import org.eclipse.e4.ui.di.UIEventTopic;
import org.eclipse.e4.ui.model.application.MApplication;
import org.eclipse.e4.ui.model.application.ui.menu.MMenuElement;
import org.eclipse.e4.ui.workbench.modeling.EModelService;
import org.kairan.app.AppConstants;
import org.kairan.client.ClientTopics;
import org.kairan.client.KairanServerClient;

import jakarta.annotation.PostConstruct;
import jakarta.inject.Inject;

/**
 * Application add-on that shows the menu entries tagged {@value AppConstants#TAG_ADMIN_ONLY} only while
 * an administrator is logged in, and hides them again when someone else logs in. (Their handlers also
 * refuse to run for others, and the server refuses the calls.)
 */
public final class AdminOnlyMenus {

    private final KairanServerClient client;

    @Inject
    public AdminOnlyMenus(KairanServerClient client) {
        this.client = client;
    }

    @PostConstruct
    void start(MApplication application, EModelService models) {
        apply(application, models);
    }

    /* The session event only says "look again": the client's current session decides. */
    @Inject
    @Optional
    void sessionChanged(@UIEventTopic(ClientTopics.SESSION) Object event, MApplication application,
            EModelService models) {
        apply(application, models);
    }

    private void apply(MApplication application, EModelService models) {
        boolean visible = Administrators.isAdministrator(client);
        List<MMenuElement> elements = models.findElements(application, null, MMenuElement.class,
                List.of(AppConstants.TAG_ADMIN_ONLY), EModelService.ANYWHERE | EModelService.IN_MAIN_MENU);
        for (MMenuElement element : elements) {
            if (element.isVisible() != visible) {
                element.setVisible(visible);
            }
        }
    }
}

package org.kairan.approval.ui;

import java.util.Map;

import org.eclipse.core.commands.ParameterizedCommand;
import org.eclipse.e4.core.commands.ECommandService;
import org.eclipse.e4.core.commands.EHandlerService;

/**
 * Opens a 決裁 in the 決裁 tab from another screen (a 決裁 link in chat, the 起案 minutes became), through
 * {@link ApprovalUiConstants#COMMAND_OPEN_KESSAI}.
 */
public final class KessaiOpener {

    private KessaiOpener() {
    }

    /**
     * @return whether it was opened; {@code false} when the application has no such command or it cannot run now
     *         (the caller says so in its own words)
     */
    public static boolean open(ECommandService commands, EHandlerService handlers, String kessaiId) {
        ParameterizedCommand command;
        try {
            command = commands.createCommand(ApprovalUiConstants.COMMAND_OPEN_KESSAI,
                    Map.of(ApprovalUiConstants.PARAM_KESSAI_ID, kessaiId));
        } catch (RuntimeException e) {
            command = null; // the command is not defined in this application
        }
        if (command == null || !handlers.canExecute(command)) {
            return false;
        }
        handlers.executeHandler(command);
        return true;
    }
}

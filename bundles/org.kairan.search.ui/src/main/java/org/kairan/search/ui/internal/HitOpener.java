package org.kairan.search.ui.internal;

import java.util.List;
import java.util.Map;

import org.eclipse.core.commands.ParameterizedCommand;
import org.eclipse.e4.core.commands.ECommandService;
import org.eclipse.e4.core.commands.EHandlerService;
import org.kairan.approval.ui.ApprovalUiConstants;
import org.kairan.search.SearchHit;
import org.kairan.search.ui.SearchUiConstants;
import org.kairan.ui.HitParameters;

/**
 * Opens a hit where its kind is shown, through the application's commands, so that the search view knows
 * no other screen: a 決裁 through {@link ApprovalUiConstants#COMMAND_OPEN_KESSAI} (the 決裁 tab selects it; a hit on
 * a page of its attachment also passes the attachment, the page and the highlighted words);
 * documents, 議事録 and chat through the commands of {@link SearchUiConstants} that the bundles showing them
 * define (with the hit's id, page and highlighted words). A kind whose command has no handler yet cannot be
 * opened.
 */
final class HitOpener {

    private final ECommandService commands;
    private final EHandlerService handlers;

    HitOpener(ECommandService commands, EHandlerService handlers) {
        this.commands = commands;
        this.handlers = handlers;
    }

    boolean canOpen(SearchHit hit) {
        ParameterizedCommand command = command(hit);
        return command != null && handlers.canExecute(command);
    }

    /** Opens the hit; false when nothing can show its kind. */
    boolean open(SearchHit hit) {
        ParameterizedCommand command = command(hit);
        if (command == null || !handlers.canExecute(command)) {
            return false;
        }
        handlers.executeHandler(command);
        return true;
    }

    private ParameterizedCommand command(SearchHit hit) {
        try {
            return switch (hit.kind()) {
                case KESSAI -> commands.createCommand(ApprovalUiConstants.COMMAND_OPEN_KESSAI, kessaiParameters(hit));
                case DOCUMENT -> commands.createCommand(SearchUiConstants.COMMAND_OPEN_DOCUMENT, parameters(hit));
                case MINUTES -> commands.createCommand(SearchUiConstants.COMMAND_OPEN_MINUTES, parameters(hit));
                case CHAT -> commands.createCommand(SearchUiConstants.COMMAND_OPEN_CHAT, parameters(hit));
            };
        } catch (RuntimeException e) {
            return null; // the command is not defined in this application
        }
    }

    private static Map<String, Object> kessaiParameters(SearchHit hit) {
        if (hit.attachment().isEmpty()) {
            return Map.of(ApprovalUiConstants.PARAM_KESSAI_ID, hit.id());
        }
        return Map.of(ApprovalUiConstants.PARAM_KESSAI_ID, hit.id(), ApprovalUiConstants.PARAM_KESSAI_ATTACHMENT,
                hit.attachment(), ApprovalUiConstants.PARAM_KESSAI_PAGE, Integer.toString(hit.page()),
                ApprovalUiConstants.PARAM_KESSAI_WORDS, HitParameters.words(ResultTable.highlighted(hit)));
    }

    private static Map<String, Object> parameters(SearchHit hit) {
        List<String> words = ResultTable.highlighted(hit);
        return Map.of(SearchUiConstants.PARAM_HIT_ID, hit.id(), SearchUiConstants.PARAM_HIT_PAGE,
                Integer.toString(hit.page()), SearchUiConstants.PARAM_HIT_WORDS, HitParameters.words(words));
    }
}

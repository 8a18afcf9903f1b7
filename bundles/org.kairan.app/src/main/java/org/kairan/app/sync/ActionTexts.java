package org.kairan.app.sync;

import java.text.MessageFormat;

import org.kairan.app.nls.Messages;
import org.kairan.client.sync.ActionState;
import org.kairan.client.sync.QueuedAction;
import org.kairan.core.sync.CommandCodes;
import org.kairan.core.sync.CommandTypes;

/** Puts a queued action, its state and the server's reason into the person's words. */
public final class ActionTexts {

    private final Messages messages;

    public ActionTexts(Messages messages) {
        this.messages = messages;
    }

    /** What the person did, e.g. 回覧の確認「庁舎停電のお知らせ」. */
    public String what(QueuedAction action, String subject) {
        String pattern = switch (action.type()) {
            case CommandTypes.POST_CIRCULAR -> messages.action_postCircular;
            case CommandTypes.ACKNOWLEDGE_CIRCULAR -> messages.action_acknowledgeCircular;
            case CommandTypes.WITHDRAW_CIRCULAR -> messages.action_withdrawCircular;
            case CommandTypes.SAVE_KESSAI_DRAFT -> messages.action_saveKessaiDraft;
            case CommandTypes.ACT_ON_KESSAI -> messages.action_actOnKessai;
            case CommandTypes.ATTACH_TO_KESSAI -> messages.action_attachToKessai;
            case CommandTypes.SET_ABSENCE -> messages.action_setAbsence;
            case CommandTypes.ADD_DOCUMENT -> messages.action_addDocument;
            case CommandTypes.ADD_DOCUMENT_VERSION -> messages.action_addDocumentVersion;
            case CommandTypes.EDIT_DOCUMENT -> messages.action_editDocument;
            default -> messages.action_other;
        };
        return MessageFormat.format(pattern, subject == null || subject.isBlank() ? "—" : subject, action.type());
    }

    public String state(ActionState state) {
        return switch (state) {
            case QUEUED -> messages.action_stateQueued;
            case SENT -> messages.action_stateSent;
            case APPLIED -> messages.action_stateApplied;
            case CONFLICT -> messages.action_stateConflict;
            case REJECTED -> messages.action_stateRejected;
        };
    }

    /** Why the server did not apply it, in the person's language; empty when it did or has not answered. */
    public String reason(QueuedAction action) {
        if (action.code() == null) {
            return "";
        }
        if (action.type().startsWith("minutes.")) {
            return detailed(messages.action_reasonMinutes, action); // the server says it in full (版, 回付済み, fonts)
        }
        return switch (action.code()) {
            case CommandCodes.WITHDRAWN -> messages.action_reasonWithdrawn;
            case CommandCodes.NOT_FOUND -> messages.action_reasonNotFound;
            case CommandCodes.NOT_PERMITTED -> messages.action_reasonNotPermitted;
            case CommandCodes.UNIT_GONE -> messages.action_reasonUnitGone;
            case CommandCodes.NOT_AUTHOR -> messages.action_reasonNotAuthor;
            case CommandCodes.ALREADY_EXISTS -> messages.action_reasonAlreadyExists;
            case CommandCodes.STEP_MOVED -> detailed(messages.action_reasonStepMoved, action);
            case CommandCodes.CLOSED -> detailed(messages.action_reasonClosed, action);
            case CommandCodes.NOT_EDITABLE -> detailed(messages.action_reasonNotEditable, action);
            case CommandCodes.ACTING_RESTRICTED -> detailed(messages.action_reasonActingRestricted, action);
            case CommandCodes.ALREADY_DONE -> detailed(messages.action_reasonAlreadyDone, action);
            case CommandCodes.ROUTE_INVALID -> detailed(messages.action_reasonRouteInvalid, action);
            case CommandCodes.FILE_MISSING -> detailed(messages.action_reasonFileMissing, action);
            case "EMPTY", "TOO_LARGE", "ENCRYPTED", "CORRUPT", "NO_PAGES" -> detailed(messages.action_reasonFileRefused, action);
            case "UNSUPPORTED_TYPE" -> detailed(messages.action_reasonUnsupportedType, action);
            case CommandCodes.FILE_NOT_ACCEPTED -> detailed(messages.action_reasonFileNotAccepted, action);
            case CommandCodes.INVALID -> detailed(messages.action_reasonInvalid, action);
            default -> MessageFormat.format(messages.action_reasonOther, action.code(),
                    action.message() == null ? "" : action.message());
        };
    }

    /** A reason whose details only the server knows (which step, which file): its words, with the server's text. */
    private static String detailed(String pattern, QueuedAction action) {
        return MessageFormat.format(pattern, action.message() == null ? "" : action.message());
    }
}

package org.kairan.chat.ui.internal;

import org.eclipse.e4.core.di.annotations.Execute;
import org.eclipse.e4.ui.model.application.ui.basic.MPart;
import org.eclipse.e4.ui.workbench.modeling.EPartService;
import org.kairan.chat.ChatService;
import org.kairan.chat.Conversation;
import org.kairan.chat.ConversationKind;
import org.kairan.chat.ui.ChatUiConstants;
import org.kairan.search.ui.SearchUiConstants;

import jakarta.inject.Named;

/**
 * {@link SearchUiConstants#COMMAND_OPEN_CHAT}: a chat message found by the search ({@code <conversation>/<message id>})
 * brings the チャット tab forward with its conversation open at the message.
 */
public final class OpenChatHandler {

    @Execute
    void execute(EPartService parts, ChatService chat, @Named(SearchUiConstants.PARAM_HIT_ID) String hitId) {
        int slash = hitId.indexOf('/'); // a bare address has none; a message id may
        String address = slash < 0 ? hitId : hitId.substring(0, slash);
        String messageId = slash < 0 ? null : hitId.substring(slash + 1);
        Conversation known = chat.conversations().stream().filter(c -> c.address().equals(address)).findFirst()
                .orElse(null);
        ConversationKind kind = known != null ? known.kind()
                : address.contains("@conference.") ? ConversationKind.ROOM : ConversationKind.DIRECT;
        String name = known != null ? known.name() : chat.nameOf(address);
        MPart part = parts.showPart(ChatUiConstants.PART_CHAT, EPartService.PartState.ACTIVATE);
        if (part != null && part.getObject() instanceof ChatPart chatPart) {
            chatPart.open(address, kind, name, messageId);
        }
    }
}

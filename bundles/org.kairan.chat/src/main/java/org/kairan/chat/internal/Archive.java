package org.kairan.chat.internal;

import java.time.Instant;
import java.util.ArrayList;
import java.util.Date;
import java.util.List;

import org.jivesoftware.smack.SmackException;
import org.jivesoftware.smack.XMPPException;
import org.jivesoftware.smack.packet.Message;
import org.jivesoftware.smack.tcp.XMPPTCPConnection;
import org.jivesoftware.smackx.mam.MamManager;
import org.jivesoftware.smackx.mam.element.MamElements;
import org.jivesoftware.smackx.muc.MultiUserChatManager;
import org.jxmpp.jid.impl.JidCreate;
import org.jxmpp.stringprep.XmppStringprepException;
import org.kairan.chat.ChatException;
import org.kairan.chat.ConversationKind;

/**
 * The chat server's message archive (XEP-0313): a 1:1 conversation from the user's own archive, a 課 room from the
 * room's. Pages are read newest first; {@code before} pages back from an archive id.
 */
final class Archive {

    /** One archived stanza. */
    record Entry(String archiveId, Instant stamp, Message message) {
    }

    private final XMPPTCPConnection connection;

    Archive(XMPPTCPConnection connection) {
        this.connection = connection;
    }

    /** Up to {@code max} messages before {@code beforeArchiveId} (the latest when null), oldest first. */
    List<Entry> page(String conversation, ConversationKind kind, String beforeArchiveId, int max) throws ChatException {
        MamManager.MamQueryArgs.Builder args = MamManager.MamQueryArgs.builder().setResultPageSizeTo(max);
        if (beforeArchiveId == null) {
            args.queryLastPage();
        } else {
            args.beforeUid(beforeArchiveId);
        }
        return query(conversation, kind, args);
    }

    /**
     * Up to {@code max} messages after {@code afterArchiveId} (from the archive's beginning when null), oldest
     * first; a {@code null} 1:1 conversation reads the user's whole archive.
     */
    List<Entry> after(String conversation, ConversationKind kind, String afterArchiveId, int max) throws ChatException {
        MamManager.MamQueryArgs.Builder args = MamManager.MamQueryArgs.builder().setResultPageSizeTo(max);
        if (afterArchiveId != null) {
            args.afterUid(afterArchiveId);
        }
        return query(conversation, kind, args);
    }

    /**
     * Everything since {@code since} (to catch up after the chat server lost the session), oldest first; a
     * {@code null} 1:1 conversation reads the user's whole archive.
     */
    List<Entry> since(String conversation, ConversationKind kind, Instant since, int max) throws ChatException {
        return query(conversation, kind, MamManager.MamQueryArgs.builder().setResultPageSizeTo(max)
                .limitResultsSince(Date.from(since)));
    }

    private List<Entry> query(String conversation, ConversationKind kind, MamManager.MamQueryArgs.Builder args)
            throws ChatException {
        try {
            MamManager mam;
            if (kind == ConversationKind.ROOM) {
                mam = MamManager.getInstanceFor(MultiUserChatManager.getInstanceFor(connection)
                        .getMultiUserChat(JidCreate.entityBareFrom(conversation)));
            } else {
                mam = MamManager.getInstanceFor(connection);
                if (conversation != null) {
                    args.limitResultsToJid(JidCreate.bareFrom(conversation));
                }
            }
            MamManager.MamQuery query = mam.queryArchive(args.build());
            List<Entry> entries = new ArrayList<>();
            for (MamElements.MamResultExtension result : query.getMamResultExtensions()) {
                Instant stamp = result.getForwarded().getDelayInformation() == null ? null
                        : result.getForwarded().getDelayInformation().getStamp().toInstant();
                entries.add(new Entry(result.getId(), stamp, result.getForwarded().getForwardedStanza()));
            }
            return entries;
        } catch (XmppStringprepException e) {
            throw new ChatException(ChatException.Reason.FAILED, "宛先が正しくありません: " + conversation, e);
        } catch (SmackException.NotConnectedException | SmackException.NotLoggedInException e) {
            throw new ChatException(ChatException.Reason.NOT_CONNECTED,
                    "チャットサーバーに接続していないため、履歴を読めません。", e);
        } catch (SmackException.NoResponseException | XMPPException.XMPPErrorException e) {
            throw new ChatException(ChatException.Reason.FAILED, "履歴を読めませんでした: " + e.getMessage(), e);
        } catch (InterruptedException e) {
            Thread.currentThread().interrupt();
            throw new ChatException(ChatException.Reason.FAILED, "履歴の読み込みが中断されました。", e);
        }
    }
}

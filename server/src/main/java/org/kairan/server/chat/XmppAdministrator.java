package org.kairan.server.chat;

import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.security.GeneralSecurityException;
import java.util.List;
import java.util.Map;
import java.util.Set;
import java.util.TreeMap;
import java.util.TreeSet;
import java.util.stream.Collectors;

import javax.net.ssl.X509TrustManager;

import org.jivesoftware.smack.ConnectionConfiguration.SecurityMode;
import org.jivesoftware.smack.SmackException;
import org.jivesoftware.smack.XMPPException;
import org.jivesoftware.smack.tcp.XMPPTCPConnection;
import org.jivesoftware.smack.tcp.XMPPTCPConnectionConfiguration;
import org.jivesoftware.smackx.commands.AdHocCommandManager;
import org.jivesoftware.smackx.commands.AdHocCommandNote;
import org.jivesoftware.smackx.commands.RemoteCommand;
import org.jivesoftware.smack.packet.IQ;
import org.jivesoftware.smack.packet.StanzaError;
import org.jivesoftware.smackx.muc.MultiUserChat;
import org.jivesoftware.smackx.muc.MUCAffiliation;
import org.jivesoftware.smackx.muc.MultiUserChatManager;
import org.jivesoftware.smackx.muc.packet.MUCAdmin;
import org.jivesoftware.smackx.muc.packet.MUCItem;
import org.jivesoftware.smackx.xdata.form.FillableForm;
import org.jivesoftware.smackx.xdata.form.Form;
import org.jxmpp.jid.parts.Resourcepart;
import org.jxmpp.jid.DomainBareJid;
import org.jxmpp.jid.impl.JidCreate;
import org.jxmpp.stringprep.XmppStringprepException;
import org.kairan.core.chat.ChatTransport;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;

/**
 * The Kairan server's one XMPP connection as the chat server's administrator, provisioning accounts through XEP-0133
 * service administration (§4.1 add user, §4.7 end user session, §4.18 change user password) with Smack. It connects
 * when first used and again after a lost connection; TLS is required and trusts exactly the managed Prosody's
 * certificate (or the JVM's trust store for an external server); TCP_NODELAY, or each command waits ≈40 ms for Nagle.
 * Calls are serialised: one command at a time on the one connection.
 */
final class XmppAdministrator implements AutoCloseable {

    private static final Logger LOG = LoggerFactory.getLogger(XmppAdministrator.class);
    static final String ADD_USER = "http://jabber.org/protocol/admin#add-user";
    static final String CHANGE_PASSWORD = "http://jabber.org/protocol/admin#change-user-password";
    static final String END_SESSION = "http://jabber.org/protocol/admin#end-user-session";
    private static final int REPLY_TIMEOUT_MS = 15_000;

    private final String domain;
    private final String host;
    private final int port;
    private final String adminJid;
    private final String adminPassword;
    private final X509TrustManager trust;
    private XMPPTCPConnection connection;

    /**
     * @param trustedCertificate the PEM certificate to trust alone, or {@code null} for the JVM's trust store
     */
    XmppAdministrator(String domain, String host, int port, String adminJid, String adminPassword,
            Path trustedCertificate) throws ChatServerException {
        this.domain = domain;
        this.host = host;
        this.port = port;
        this.adminJid = adminJid;
        this.adminPassword = adminPassword;
        this.trust = trustedCertificate == null ? null : trusting(trustedCertificate);
    }

    /** XEP-0133 §4.1: creates the account; {@code false} when the server refused (e.g. it exists already). */
    synchronized boolean addUser(String jid, String password) throws ChatServerException {
        return run(ADD_USER, form -> {
            form.setAnswer("accountjid", jid);
            form.setAnswer("password", password);
            form.setAnswer("password-verify", password);
        });
    }

    /** XEP-0133 §4.18: sets the account's password. */
    synchronized void changePassword(String jid, String password) throws ChatServerException {
        if (!run(CHANGE_PASSWORD, form -> {
            form.setAnswer("accountjid", jid);
            form.setAnswer("password", password);
        })) {
            throw new ChatServerException("the chat server refused to change the password of " + jid);
        }
    }

    /** XEP-0133 §4.7: ends every session of the account (a no-op for an account that is offline). */
    synchronized void endSessions(String jid) throws ChatServerException {
        run(END_SESSION, form -> form.setAnswer("accountjids", List.of(jid)));
    }

    static final String RELOAD_MODULES = "http://prosody.im/protocol/modules#reload";
    private static final Resourcepart ROOM_NICK = Resourcepart.fromOrThrowUnchecked("kairan");

    /** Reloads a module of the virtual host (mod_admin_adhoc), e.g. {@code groups} after its file was rewritten. */
    synchronized void reloadModule(String module) throws ChatServerException {
        if (!run(RELOAD_MODULES, form -> form.setAnswer("modules", List.of(module)))) {
            throw new ChatServerException("the chat server could not reload mod_" + module);
        }
    }

    @FunctionalInterface
    private interface RoomWork<T> {
        T on(MultiUserChatManager mucs, MultiUserChat room) throws Exception;
    }

    /** XEP-0045 as the room's owner (a server admin owns every room on Prosody), reconnecting once if needed. */
    private <T> T room(String roomJid, String what, RoomWork<T> work) throws ChatServerException {
        for (int attempt = 1;; attempt++) {
            XMPPTCPConnection c = connected();
            try {
                MultiUserChatManager mucs = MultiUserChatManager.getInstanceFor(c);
                return work.on(mucs, mucs.getMultiUserChat(JidCreate.entityBareFrom(roomJid)));
            } catch (SmackException.NotConnectedException e) {
                disconnect();
                if (attempt == 2) {
                    throw new ChatServerException("lost the connection to the chat server during " + what, e);
                }
            } catch (InterruptedException e) {
                Thread.currentThread().interrupt();
                throw new ChatServerException("interrupted during " + what, e);
            } catch (ChatServerException e) {
                throw e;
            } catch (Exception e) {
                throw new ChatServerException("the chat server refused " + what + ": " + e.getMessage(), e);
            }
        }
    }

    /**
     * Makes sure the room exists (created by joining it, as {@code restrict_room_creation = "admin"} allows only
     * admins) and is configured: this name, persistent, members-only, not public, archived.
     */
    synchronized void ensureRoom(String roomJid, String name) throws ChatServerException {
        room(roomJid, "setting up the room " + roomJid, (mucs, muc) -> {
            boolean exists;
            try {
                mucs.getRoomInfo(muc.getRoom());
                exists = true;
            } catch (XMPPException.XMPPErrorException e) {
                if (e.getStanzaError().getCondition() != StanzaError.Condition.item_not_found) {
                    throw e;
                }
                exists = false;
            }
            if (!exists) {
                muc.createOrJoin(ROOM_NICK);
            }
            Form form = muc.getConfigurationForm();
            FillableForm answers = form.getFillableForm();
            answer(form, answers, "muc#roomconfig_roomname", name);
            answer(form, answers, "muc#roomconfig_persistentroom", true);
            answer(form, answers, "muc#roomconfig_membersonly", true);
            answer(form, answers, "muc#roomconfig_publicroom", false);
            answer(form, answers, "muc#roomconfig_enablearchiving", true);
            muc.sendConfigurationForm(answers);
            if (muc.isJoined()) {
                muc.leave();
            }
            if (!exists) {
                LOG.info("chat room {} ({}) created", roomJid, name);
            }
            return null;
        });
    }

    private static void answer(Form form, FillableForm answers, String field, Object value) {
        if (form.getDataForm().getField(field) == null) {
            return;
        }
        if (value instanceof Boolean b) {
            answers.setAnswer(field, b);
        } else {
            answers.setAnswer(field, value.toString());
        }
    }

    /** The bare JIDs with the member affiliation. */
    /** The room's members and the nickname reserved for each ("" when none). */
    synchronized Map<String, String> members(String roomJid) throws ChatServerException {
        return room(roomJid, "listing the members of " + roomJid, (mucs, muc) -> {
            Map<String, String> members = new TreeMap<>();
            muc.getMembers().forEach(a -> members.put(a.getJid().asBareJid().toString(),
                    a.getNick() == null ? "" : a.getNick().toString()));
            return members;
        });
    }

    /**
     * Grants membership to one JID (one per request: Prosody 0.12 applies only the first item of a list), reserving
     * the nickname it must use in the room ({@code enforce_registered_nickname}): nobody else can take it, so a room
     * message's nickname tells who wrote it.
     */
    synchronized void grantMembership(String roomJid, String jid, String nickname) throws ChatServerException {
        room(roomJid, "granting " + jid + " membership of " + roomJid, (mucs, muc) -> {
            MUCAdmin grant = new MUCAdmin();
            grant.setTo(muc.getRoom());
            grant.setType(IQ.Type.set);
            grant.addItem(new MUCItem(MUCAffiliation.member, null, null, null, JidCreate.bareFrom(jid),
                    Resourcepart.from(nickname), null));
            connected().createStanzaCollectorAndSend(grant).nextResultOrThrow();
            return null;
        });
    }

    /** Takes membership away from one JID. */
    synchronized void revokeMembership(String roomJid, String jid) throws ChatServerException {
        room(roomJid, "revoking " + jid + "'s membership of " + roomJid, (mucs, muc) -> {
            muc.revokeMembership(JidCreate.bareFrom(jid));
            return null;
        });
    }

    @FunctionalInterface
    private interface Answers {
        void fill(FillableForm form);
    }

    /** Executes the command, fills its form and completes it; whether it completed without an error note. */
    private boolean run(String node, Answers answers) throws ChatServerException {
        for (int attempt = 1;; attempt++) {
            XMPPTCPConnection c = connected();
            try {
                RemoteCommand command = AdHocCommandManager.getAddHocCommandsManager(c)
                        .getRemoteCommand(JidCreate.domainBareFrom(domain), node);
                command.execute();
                if (command.getForm() == null) {
                    throw new ChatServerException("the chat server's command " + node + " sent no form: "
                            + notes(command));
                }
                FillableForm form = new FillableForm(command.getForm());
                answers.fill(form);
                command.complete(form);
                boolean refused = command.getNotes().stream().anyMatch(n -> n.getType() == AdHocCommandNote.Type.error);
                if (refused) {
                    LOG.debug("{} refused: {}", node, notes(command));
                }
                return !refused;
            } catch (SmackException.NotConnectedException e) {
                disconnect();
                if (attempt == 2) {
                    throw new ChatServerException("lost the connection to the chat server during " + node, e);
                }
            } catch (SmackException.NoResponseException | XMPPException.XMPPErrorException e) {
                throw new ChatServerException("the chat server did not run " + node + " (is " + adminJid
                        + " in its admins, mod_admin_adhoc enabled?): " + e.getMessage(), e);
            } catch (XmppStringprepException e) {
                throw new ChatServerException("not an XMPP domain: " + domain, e);
            } catch (InterruptedException e) {
                Thread.currentThread().interrupt();
                throw new ChatServerException("interrupted during " + node, e);
            }
        }
    }

    private static String notes(RemoteCommand command) {
        return command.getNotes().stream().map(n -> n.getType() + ": " + n.getValue()).collect(Collectors.joining("; "));
    }

    private XMPPTCPConnection connected() throws ChatServerException {
        if (connection != null && connection.isConnected() && connection.isAuthenticated()) {
            return connection;
        }
        disconnect();
        try {
            int at = adminJid.indexOf('@');
            DomainBareJid service = JidCreate.domainBareFrom(domain);
            XMPPTCPConnectionConfiguration.Builder config = XMPPTCPConnectionConfiguration.builder()
                    .setXmppDomain(service)
                    .setHostAddressByNameOrIp(host)
                    .setPort(port)
                    .setUsernameAndPassword(adminJid.substring(0, at), adminPassword)
                    .setResource("kairan-server")
                    .setSecurityMode(SecurityMode.required)
                    .setSendPresence(false)
                    .setSocketFactory(new ChatTransport.NoDelaySocketFactory());
            if (trust != null) {
                // Smack builds its SSLContext from this (a custom SSLContext alone is overridden by its default one)
                config.setCustomX509TrustManager(trust);
            }
            XMPPTCPConnection c = new XMPPTCPConnection(config.build());
            c.setReplyTimeout(REPLY_TIMEOUT_MS);
            c.connect().login();
            connection = c;
            LOG.info("connected to the chat server {}:{} as {}", host, port, adminJid);
            return c;
        } catch (SmackException | IOException | XMPPException e) {
            throw new ChatServerException("cannot log in to the chat server " + host + ":" + port + " as " + adminJid
                    + ": " + e.getMessage(), e);
        } catch (InterruptedException e) {
            Thread.currentThread().interrupt();
            throw new ChatServerException("interrupted while connecting to the chat server", e);
        }
    }

    private void disconnect() {
        if (connection != null) {
            connection.disconnect();
            connection = null;
        }
    }

    @Override
    public synchronized void close() {
        disconnect();
    }

    /** A trust manager that trusts exactly this certificate (the managed Prosody's self-signed one). */
    static X509TrustManager trusting(Path certificate) throws ChatServerException {
        try {
            return ChatTransport.trusting(ChatCertificate.pem(certificate));
        } catch (GeneralSecurityException e) {
            throw new ChatServerException("cannot read the chat server's certificate " + certificate + ": "
                    + e.getMessage(), e);
        }
    }
}

package org.kairan.server.chat;

import java.time.Clock;
import java.util.Collection;
import java.util.Optional;
import java.util.Set;
import java.util.concurrent.ConcurrentHashMap;

import org.kairan.core.protocol.ChatCredentials;
import org.kairan.server.storage.Database;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;

/**
 * {@link ChatAccounts} on an XMPP server the Kairan server administers through XEP-0133: the XMPP side is changed
 * first, then the database, so a failure in between leaves an account whose stored password is wrong or missing,
 * which the next {@link #ensure} repairs (an existing account gets its password set instead).
 */
public final class ProvisionedChatAccounts implements ChatAccounts {

    private static final Logger LOG = LoggerFactory.getLogger(ProvisionedChatAccounts.class);

    private final Database database;
    private final ChatAccountStore store = new ChatAccountStore();
    private final XmppAdministrator admin;
    private final ChatAddress address;
    /** The certificate (PEM) handed to desktops to trust, or {@code null} for the computer's trust store. */
    private final String certificate;
    private final Clock clock;
    /** One change at a time per person (the background provisioning and a credentials call may meet). */
    private final ConcurrentHashMap<String, Object> locks = new ConcurrentHashMap<>();

    ProvisionedChatAccounts(Database database, XmppAdministrator admin, ChatAddress address, String certificate,
            Clock clock) {
        this.database = database;
        this.admin = admin;
        this.address = address;
        this.certificate = certificate;
        this.clock = clock;
    }

    /** Accounts on the running managed Prosody, administered as {@code kairan-admin}, trusting its certificate alone. */
    public static ProvisionedChatAccounts managed(Database database, ManagedProsody prosody, Clock clock)
            throws ChatServerException {
        ChatAddress address = prosody.address();
        return new ProvisionedChatAccounts(database, new XmppAdministrator(address.domain(), address.host(),
                address.c2sPort(), prosody.adminJid(), prosody.adminPassword(), prosody.files().certificate()),
                address, ChatCertificate.pem(prosody.files().certificate()), clock);
    }

    /** Accounts on the city's own XMPP server, trusting the JVM's trust store. */
    public static ProvisionedChatAccounts external(Database database, ChatSettings settings, Clock clock)
            throws ChatServerException {
        ChatAddress address = new ChatAddress(settings.domain(), settings.host(), settings.port(), 0);
        return new ProvisionedChatAccounts(database, new XmppAdministrator(settings.domain(), settings.host(),
                settings.port(), settings.adminJid(), settings.adminPassword(), null), address, null, clock);
    }

    public String jidOf(String staffNo) {
        return staffNo.toLowerCase(java.util.Locale.ROOT) + "@" + address.domain();
    }

    @Override
    public ChatCredentials ensure(String staffNo) throws ChatServerException {
        synchronized (locks.computeIfAbsent(staffNo, k -> new Object())) {
            Optional<ChatAccountStore.StoredAccount> stored = database.inTransaction(c -> store.find(c, staffNo));
            if (stored.isPresent() && stored.get().usable()) {
                return credentials(stored.get().jid(), stored.get().password());
            }
            String jid = jidOf(staffNo);
            String password = ChatPasswords.random();
            if (stored.isPresent() || !admin.addUser(jid, password)) {
                // disabled, or the XMPP server has it already (an earlier attempt stopped before the database)
                admin.changePassword(jid, password);
            }
            database.inTransaction(c -> {
                store.save(c, staffNo, jid, password, clock.instant());
                return null;
            });
            return credentials(jid, password);
        }
    }

    @Override
    public void disable(String staffNo) throws ChatServerException {
        synchronized (locks.computeIfAbsent(staffNo, k -> new Object())) {
            Optional<ChatAccountStore.StoredAccount> stored = database.inTransaction(c -> store.find(c, staffNo));
            if (stored.isEmpty()) {
                return;
            }
            String jid = stored.get().jid();
            // the database first: from now on nobody is handed the old password, even if the XMPP side fails
            database.inTransaction(c -> store.markDisabled(c, staffNo, clock.instant()));
            admin.changePassword(jid, ChatPasswords.random());
            admin.endSessions(jid);
            LOG.info("chat account {} disabled: new unknown password, sessions ended", jid);
        }
    }

    @Override
    public int provision(Collection<String> staffNos) throws ChatServerException {
        Set<String> existing = database.inTransaction(store::staffWithAccounts);
        int made = 0;
        for (String staffNo : staffNos) {
            if (!existing.contains(staffNo)) {
                ensure(staffNo);
                made++;
            }
        }
        return made;
    }

    /** The 課 rooms (and, given mod_groups' file, the roster groups) administered on the same connection. */
    DepartmentRooms departmentRooms(java.nio.file.Path groupsFile) {
        return new DepartmentRooms(admin, address.domain(), this::jidOf, groupsFile);
    }

    private ChatCredentials credentials(String jid, String password) {
        return new ChatCredentials(jid, password, address.host(), address.c2sPort(), address.domain(),
                "conference." + address.domain(), "upload." + address.domain(), certificate);
    }

    @Override
    public void close() {
        admin.close();
    }
}

package org.kairan.chat.internal;

import java.util.ArrayList;
import java.util.Collection;
import java.util.Comparator;
import java.util.List;
import java.util.logging.Level;
import java.util.logging.Logger;

import org.jivesoftware.smack.SmackException;
import org.jivesoftware.smack.packet.Presence;
import org.jivesoftware.smack.roster.Roster;
import org.jivesoftware.smack.roster.RosterEntry;
import org.jivesoftware.smack.roster.RosterGroup;
import org.jivesoftware.smack.roster.RosterListener;
import org.jxmpp.jid.BareJid;
import org.jxmpp.jid.Jid;
import org.jxmpp.jid.impl.JidCreate;
import org.jxmpp.stringprep.XmppStringprepException;
import org.kairan.chat.ChatContact;
import org.kairan.chat.ChatPresence;
import org.kairan.chat.ChatTopics;

/**
 * The contact list: the chat server's shared roster, one group per 課 kept by the Kairan server, each colleague
 * with their presence.
 */
final class Contacts implements RosterListener {

    private static final Logger LOG = Logger.getLogger(Contacts.class.getName());

    private final Roster roster;
    private final People people;
    private final ChatEvents events;

    Contacts(Roster roster, People people, ChatEvents events) {
        this.roster = roster;
        this.people = people;
        this.events = events;
        roster.addRosterListener(this);
    }

    /** Waits for the roster after a login. */
    void load() {
        try {
            if (!roster.isLoaded()) {
                roster.reloadAndWait();
            }
        } catch (SmackException.NotLoggedInException | SmackException.NotConnectedException e) {
            LOG.log(Level.INFO, "the contact list could not be read now", e);
        } catch (InterruptedException e) {
            Thread.currentThread().interrupt();
        }
        events.post(ChatTopics.CONTACTS, "*");
    }

    /** Reads the roster again if it is empty (groups the Kairan server wrote after the login). */
    void reloadIfEmpty() {
        if (roster.getEntries().isEmpty()) {
            try {
                roster.reloadAndWait();
            } catch (SmackException.NotLoggedInException | SmackException.NotConnectedException e) {
                return;
            } catch (InterruptedException e) {
                Thread.currentThread().interrupt();
                return;
            }
            if (!roster.getEntries().isEmpty()) {
                events.post(ChatTopics.CONTACTS, "*");
            }
        }
    }

    /** Everyone on the roster, by group then in 五十音 order of their かな (a colleague in two 課 is under each). */
    List<ChatContact> list() {
        List<ChatContact> contacts = new ArrayList<>();
        for (RosterEntry entry : roster.getEntries()) {
            String address = entry.getJid().toString();
            String name = entry.getName() == null || entry.getName().isBlank() ? localPart(address) : entry.getName();
            ChatPresence presence = presenceOf(entry.getJid());
            Collection<RosterGroup> groups = entry.getGroups();
            if (groups.isEmpty()) {
                contacts.add(new ChatContact(address, localPart(address), name, "", presence));
            }
            for (RosterGroup group : groups) {
                contacts.add(new ChatContact(address, localPart(address), name, group.getName(), presence));
            }
        }
        contacts.sort(Comparator.comparing(ChatContact::group).thenComparing(this::orderOf));
        return contacts;
    }

    /** The directory's かな (hiragana sorts in 五十音 order), else the 氏名 as the roster has it. */
    private String orderOf(ChatContact contact) {
        String reading = people.reading(contact.address());
        return reading != null ? reading : contact.name();
    }

    /** 氏名 as the roster knows it, or {@code null}. */
    String nameOf(String address) {
        try {
            RosterEntry entry = roster.getEntry(JidCreate.bareFrom(address));
            return entry == null || entry.getName() == null || entry.getName().isBlank() ? null : entry.getName();
        } catch (XmppStringprepException e) {
            return null;
        }
    }

    private ChatPresence presenceOf(BareJid jid) {
        Presence presence = roster.getPresence(jid);
        if (presence == null || !presence.isAvailable()) {
            return ChatPresence.OFFLINE;
        }
        return switch (presence.getMode()) {
            case away, xa -> ChatPresence.AWAY;
            case dnd -> ChatPresence.BUSY;
            default -> ChatPresence.AVAILABLE;
        };
    }

    private static String localPart(String address) {
        int at = address.indexOf('@');
        return at < 0 ? address : address.substring(0, at);
    }

    @Override
    public void entriesAdded(Collection<Jid> addresses) {
        events.post(ChatTopics.CONTACTS, "*");
    }

    @Override
    public void entriesUpdated(Collection<Jid> addresses) {
        events.post(ChatTopics.CONTACTS, "*");
    }

    @Override
    public void entriesDeleted(Collection<Jid> addresses) {
        events.post(ChatTopics.CONTACTS, "*");
    }

    @Override
    public void presenceChanged(Presence presence) {
        BareJid from = presence.getFrom().asBareJid();
        list().stream().filter(c -> c.address().equals(from.toString())).findFirst()
                .ifPresent(c -> events.post(ChatTopics.CONTACTS, c));
    }
}

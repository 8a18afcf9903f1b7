package org.kairan.chat.internal;

import java.util.HashSet;
import java.util.LinkedHashMap;
import java.util.Map;
import java.util.Set;
import java.util.function.BooleanSupplier;

import org.jivesoftware.smack.SmackException;
import org.jivesoftware.smack.XMPPConnection;
import org.jivesoftware.smack.packet.Message;

/**
 * What the user typed and the chat server has not acknowledged yet (XEP-0198), in the order typed, by origin id.
 * Stanzas are handed to Smack only while the session is online: one written while a stream is being set up again
 * corrupts the negotiation (Prosody answers not-well-formed). A resumed stream gets only what was never handed over
 * (Smack replays the rest); a new stream, everything.
 */
final class Outbox {

    private final XMPPConnection connection;
    private final BooleanSupplier online;
    private final Map<String, Message> pending = new LinkedHashMap<>();
    /** Of {@link #pending}, those handed to Smack on the current stream. */
    private final Set<String> handed = new HashSet<>();

    Outbox(XMPPConnection connection, BooleanSupplier online) {
        this.connection = connection;
        this.online = online;
    }

    /** Keeps the stanza until it is acknowledged, and hands it over now if online. */
    void put(String id, Message stanza) {
        synchronized (pending) {
            pending.put(id, stanza);
        }
        flush(false);
    }

    /**
     * Hands over what is pending and not yet handed on this stream; with {@code again} (a new stream: the chat server
     * lost the old one) also what was handed before.
     */
    void flush(boolean again) {
        synchronized (pending) {
            if (again) {
                handed.clear();
            }
            for (Map.Entry<String, Message> entry : pending.entrySet()) {
                if (handed.contains(entry.getKey())) {
                    continue;
                }
                if (!online.getAsBoolean()) {
                    return;
                }
                try {
                    connection.sendStanza(entry.getValue());
                    handed.add(entry.getKey());
                } catch (SmackException.NotConnectedException e) {
                    return; // handed over after the reconnection
                } catch (InterruptedException e) {
                    Thread.currentThread().interrupt();
                    return;
                }
            }
        }
    }

    /** The stream dropped: what was handed over goes again once a stream is back (duplicates are shown once). */
    void streamLost() {
        synchronized (pending) {
            handed.clear();
        }
    }

    /** The chat server acknowledged the stanza with this origin id; whether it was one of the pending. */
    boolean acknowledged(String id) {
        synchronized (pending) {
            handed.remove(id);
            return pending.remove(id) != null;
        }
    }

    int size() {
        synchronized (pending) {
            return pending.size();
        }
    }
}

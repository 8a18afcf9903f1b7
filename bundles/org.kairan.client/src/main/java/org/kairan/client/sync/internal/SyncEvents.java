package org.kairan.client.sync.internal;

/** Where the engine posts {@link org.kairan.client.sync.SyncTopics} events (EventAdmin in OSGi, a list in tests). */
@FunctionalInterface
public interface SyncEvents {

    /** Nowhere. */
    SyncEvents NONE = (topic, data) -> { };

    void post(String topic, Object data);
}

package org.kairan.server.sync;

import java.util.List;
import java.util.concurrent.CopyOnWriteArrayList;
import java.util.concurrent.atomic.AtomicLong;
import java.util.function.LongConsumer;

/**
 * Tells listeners (the push streams) that the feed's head moved: at once after a local commit, and
 * from a poll of {@code feed_head} for other server processes' writes. Carries only the head.
 */
public final class FeedSignal {

    private final AtomicLong head = new AtomicLong();
    private final List<LongConsumer> listeners = new CopyOnWriteArrayList<>();

    /** The highest head seen so far. */
    public long head() {
        return head.get();
    }

    /** Adds a listener called (on the signalling thread) with the new head; keep it short. */
    public void listen(LongConsumer listener) {
        listeners.add(listener);
    }

    public void unlisten(LongConsumer listener) {
        listeners.remove(listener);
    }

    /** The head is now at least {@code seq}; listeners hear of it when it moved forward. */
    public void moved(long seq) {
        long before = head.getAndAccumulate(seq, Math::max);
        if (seq > before) {
            for (LongConsumer listener : listeners) {
                listener.accept(head.get());
            }
        }
    }
}

package org.kairan.client;

/**
 * Event topics and property keys of the client bundle. Events are posted through OSGi EventAdmin with
 * the payload under {@link #DATA}, the key e4's {@code IEventBroker} and {@code @UIEventTopic} use, so
 * parts can observe them with {@code @Inject @Optional void on(@UIEventTopic(CONNECTION) ConnectionState s)}.
 */
public interface ClientTopics {

    /** Payload key shared with e4's IEventBroker ({@code IEventBroker.DATA}). */
    String DATA = "org.eclipse.e4.data";

    /** Posted when {@link KairanServerClient#connectionState()} changes; payload a {@link ConnectionState}. */
    String CONNECTION = "kairan/client/connection";

    /** Posted when a session starts (payload the {@link Session}) or ends (payload {@link #NO_SESSION}). */
    String SESSION = "kairan/client/session";

    /** Payload of a {@link #SESSION} event when the session ended. */
    String NO_SESSION = "none";
}

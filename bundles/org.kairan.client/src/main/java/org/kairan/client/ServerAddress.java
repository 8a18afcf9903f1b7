package org.kairan.client;

import java.net.InetAddress;
import java.net.URI;
import java.net.URISyntaxException;
import java.net.UnknownHostException;
import java.util.Locale;
import java.util.Objects;

/**
 * The base address of a Kairan server, e.g. {@code https://kairan.city.example.lg.jp} or
 * {@code http://127.0.0.1:8080}. Plain HTTP is accepted only for the loopback interface (the security
 * model: TLS for every connection that leaves the machine).
 */
public record ServerAddress(URI uri) {

    /** Why a text is not a usable server address. */
    public enum Problem {
        /** Nothing was entered. */
        EMPTY,
        /** Not a URL with an http or https scheme and a host. */
        MALFORMED,
        /** http:// to another machine: must be https://. */
        INSECURE_REMOTE
    }

    /** Thrown by {@link ServerAddress#parse(String)}; {@link #problem()} says what to tell the user. */
    public static final class InvalidServerAddressException extends IllegalArgumentException {
        private static final long serialVersionUID = 1L;
        private final Problem problem;
        private final String text;

        public InvalidServerAddressException(Problem problem, String text) {
            super(problem + ": " + text);
            this.problem = problem;
            this.text = text;
        }

        public Problem problem() {
            return problem;
        }

        /** What was typed. */
        public String text() {
            return text;
        }
    }

    public ServerAddress {
        Objects.requireNonNull(uri, "uri");
    }

    /**
     * Reads what a person typed: a missing scheme means http for loopback hosts and https otherwise; a
     * trailing slash and any path are dropped.
     *
     * @throws InvalidServerAddressException when the text is empty, malformed, or plain http to another machine
     */
    public static ServerAddress parse(String text) {
        String trimmed = text == null ? "" : text.strip();
        if (trimmed.isEmpty()) {
            throw new InvalidServerAddressException(Problem.EMPTY, trimmed);
        }
        String withScheme = trimmed.contains("://") ? trimmed : "//" + trimmed;
        URI raw;
        try {
            raw = new URI(withScheme);
        } catch (URISyntaxException e) {
            throw new InvalidServerAddressException(Problem.MALFORMED, trimmed);
        }
        String host = raw.getHost();
        if (host == null || host.isEmpty()) {
            throw new InvalidServerAddressException(Problem.MALFORMED, trimmed);
        }
        String scheme = raw.getScheme() == null ? (isLoopback(host) ? "http" : "https")
                : raw.getScheme().toLowerCase(Locale.ROOT);
        if (!scheme.equals("http") && !scheme.equals("https")) {
            throw new InvalidServerAddressException(Problem.MALFORMED, trimmed);
        }
        if (scheme.equals("http") && !isLoopback(host) && !Boolean.getBoolean("kairan.allowInsecureHttp")) {
            throw new InvalidServerAddressException(Problem.INSECURE_REMOTE, trimmed);
        }
        try {
            return new ServerAddress(new URI(scheme, null, host, raw.getPort(), null, null, null));
        } catch (URISyntaxException e) {
            throw new InvalidServerAddressException(Problem.MALFORMED, trimmed);
        }
    }

    /** The absolute URI of an API path such as {@code /api/session}. */
    public URI resolve(String pathAndQuery) {
        return URI.create(uri.toString() + pathAndQuery);
    }

    private static boolean isLoopback(String host) {
        String h = host.startsWith("[") && host.endsWith("]") ? host.substring(1, host.length() - 1) : host;
        if (h.equalsIgnoreCase("localhost")) {
            return true;
        }
        if (!h.matches("[0-9.]+|[0-9a-fA-F:]+")) {
            return false; // never resolve names here: no network I/O while parsing
        }
        try {
            return InetAddress.getByName(h).isLoopbackAddress();
        } catch (UnknownHostException e) {
            return false;
        }
    }

    @Override
    public String toString() {
        return uri.toString();
    }
}

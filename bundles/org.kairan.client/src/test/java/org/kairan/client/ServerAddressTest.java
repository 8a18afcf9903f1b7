package org.kairan.client;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertThrows;

import org.kairan.client.ServerAddress.InvalidServerAddressException;
import org.kairan.client.ServerAddress.Problem;
import org.junit.jupiter.api.Test;

class ServerAddressTest {

    @Test
    void typedHostWithoutSchemeGetsHttpOnLoopbackAndHttpsElsewhere() {
        assertEquals("http://127.0.0.1:8470", ServerAddress.parse("127.0.0.1:8470").toString(),
                "a loopback address without scheme is plain http");
        assertEquals("http://localhost:8470", ServerAddress.parse(" localhost:8470/ ").toString(),
                "white space and a trailing slash are dropped");
        assertEquals("https://kairan.city.example.lg.jp", ServerAddress.parse("kairan.city.example.lg.jp").toString(),
                "a remote host without scheme is https");
    }

    @Test
    void pathsAreDroppedAndApiPathsResolveAgainstTheBase() {
        ServerAddress address = ServerAddress.parse("https://kairan.example.jp:8443/some/page");
        assertEquals("https://kairan.example.jp:8443/api/session", address.resolve("/api/session").toString(),
                "API paths are resolved against scheme, host and port only");
    }

    @Test
    void plainHttpToAnotherMachineIsRefused() {
        InvalidServerAddressException e = assertThrows(InvalidServerAddressException.class,
                () -> ServerAddress.parse("http://kairan.example.jp"));
        assertEquals(Problem.INSECURE_REMOTE, e.problem(), "http to a remote host must be refused (TLS required)");
    }

    @Test
    void emptyAndMalformedAddressesSayWhy() {
        assertEquals(Problem.EMPTY,
                assertThrows(InvalidServerAddressException.class, () -> ServerAddress.parse("  ")).problem(),
                "an empty field is reported as empty");
        assertEquals(Problem.MALFORMED,
                assertThrows(InvalidServerAddressException.class, () -> ServerAddress.parse("ftp://x.jp")).problem(),
                "a scheme other than http(s) is malformed");
        assertEquals(Problem.MALFORMED,
                assertThrows(InvalidServerAddressException.class, () -> ServerAddress.parse("http://")).problem(),
                "an address without host is malformed");
    }
}

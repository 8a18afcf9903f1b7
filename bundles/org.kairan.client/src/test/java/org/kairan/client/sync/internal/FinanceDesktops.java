package org.kairan.client.sync.internal;

import org.junit.jupiter.api.AfterEach;
import org.kairan.client.internal.RealServer;

/**
 * Tests with the real server and the desktops of two people of 財政課 — the 財政課長 ({@link #head}) and a
 * clerk of its 財政係 ({@link #clerk}) — which each test starts as it needs and which are closed after it.
 */
abstract class FinanceDesktops {

    /** 財政課. */
    static final String FINANCE = "120200";

    RealServer server;
    Desktop head;
    Desktop clerk;

    @AfterEach
    void closeDesktopsAndServer() {
        for (Desktop d : new Desktop[] { head, clerk }) {
            if (d != null) {
                d.close();
            }
        }
        if (server != null) {
            server.close();
        }
    }
}

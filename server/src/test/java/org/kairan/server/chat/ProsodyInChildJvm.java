package org.kairan.server.chat;

import java.nio.file.Path;

/**
 * A Kairan server's managed Prosody in a JVM of its own, so that a test can kill that JVM with SIGKILL:
 * {@code java … ProsodyInChildJvm DATA_DIR} prints {@code PID <prosody's pid>} once Prosody runs, then waits.
 */
public final class ProsodyInChildJvm {

    private ProsodyInChildJvm() {
    }

    public static void main(String[] args) throws Exception {
        ManagedProsody prosody = new ManagedProsody(ChatSettings.managed(), Path.of(args[0]));
        prosody.start();
        System.out.println("PID " + prosody.pid().orElseThrow());
        System.out.flush();
        Thread.sleep(Long.MAX_VALUE);
    }
}

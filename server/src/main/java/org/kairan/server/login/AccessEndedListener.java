package org.kairan.server.login;

/**
 * Told after a person's access has ended while they may still be logged in elsewhere (their account was locked after
 * repeated failures, or an administrator revoked their sessions), once that change has committed: business chat ends
 * their XMPP access too.
 */
@FunctionalInterface
public interface AccessEndedListener {

    AccessEndedListener NONE = (staffNo, why) -> {
    };

    /** Must not throw; {@code why} is for the log. */
    void accessEnded(String staffNo, String why);
}

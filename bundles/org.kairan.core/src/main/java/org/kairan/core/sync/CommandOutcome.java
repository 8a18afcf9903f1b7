package org.kairan.core.sync;

/** What became of a command. Every outcome is final: sending the command again returns the same. */
public enum CommandOutcome {
    /** Done; the change is in the feed at {@link CommandResult#seq()}. */
    APPLIED,
    /** Well-formed, but it can no longer apply (someone else acted first, the record is gone, the user's
     *  permission is gone); {@link CommandResult#code()} says why. Nothing was changed. */
    CONFLICT,
    /** Malformed (unknown type, bad payload, key reused for another command). Nothing was changed. */
    REJECTED
}

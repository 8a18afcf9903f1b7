package org.kairan.server.directory;

import java.time.LocalDate;

/** A person cannot have two different 本務 starting on the same 発令日. */
public final class AssignmentConflictException extends RuntimeException {

    private final String staffNo;
    private final LocalDate effectiveFrom;

    public AssignmentConflictException(String staffNo, LocalDate effectiveFrom) {
        super("staff " + staffNo + " already has another 本務 from " + effectiveFrom);
        this.staffNo = staffNo;
        this.effectiveFrom = effectiveFrom;
    }

    public String staffNo() {
        return staffNo;
    }

    public LocalDate effectiveFrom() {
        return effectiveFrom;
    }
}

package org.kairan.server.kessai;

/** Told (after commit) of each 案件 that was just decided, e.g. to make its PDF of record. */
public interface DecisionListener {

    void decided(String kessaiId);
}

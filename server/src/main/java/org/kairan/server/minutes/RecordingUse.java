package org.kairan.server.minutes;

import java.sql.Connection;
import java.sql.SQLException;
import java.util.List;

/** Which 議事録 are played from a speech-to-text job's recording. */
@FunctionalInterface
public interface RecordingUse {

    /** The 会議名 of the minutes played from the job's recording; empty when none are. */
    List<String> playing(Connection c, String jobId) throws SQLException;
}

package org.kairan.client.minutes;

import java.io.IOException;
import java.nio.file.Path;
import java.util.List;
import java.util.Optional;

import org.kairan.client.KairanClientException;
import org.kairan.client.sync.QueuedAction;
import org.kairan.core.kessai.DocumentClass;
import org.kairan.core.minutes.MeetingHeader;
import org.kairan.core.minutes.Minutes;
import org.kairan.core.organisation.OrgUnit;
import org.kairan.core.organisation.StaffMember;

/**
 * 議事録 for the logged-in user, as the desktop's 議事録 screen uses them. Registered as an OSGi service.
 * <p>
 * Reads come from the local replica ({@code minutes} records: those of the user's 課 and its 係, of the units they
 * manage, of meetings they attended or wrote) with the user's own unsent saves laid over them, so that what was
 * saved offline shows at once. Saving and 決裁に回付 queue {@code minutes.save} and {@code minutes.send}; a save
 * based on a version the server has moved past comes back as a conflict ({@link MinutesEntry.State#CONFLICT}). Lines
 * change with {@link org.kairan.client.sync.SyncTopics#REPLICA_CHANGED} for {@code minutes} and
 * {@link org.kairan.client.sync.SyncTopics#ACTION}.
 * <p>
 * Export of .docx and PDF and every speech-to-text call use the network: call them from a Job.
 */
public interface MinutesService {

    /** Every minutes the user may see, newest meeting first; empty when nobody is logged in. */
    List<MinutesEntry> entries();

    /** One minutes as this desktop has them. */
    Optional<MinutesEntry> entry(String minutesId);

    /** The 課 new minutes belong to: the user's own (本務 first). */
    List<OrgUnit> ownUnits();

    /** The staff of the replica's directory whose 氏名 or かな match (NFKC, かな/カナ alike, spaces ignored), by かな. */
    List<StaffMember> findStaff(String query);

    /** The city's 文書分類 (synced 決裁 settings), in their order; empty before the first sync. */
    List<DocumentClass> classifications();

    /**
     * Reads a transcript file (WebVTT, SRT or plain text, in UTF-8, UTF-16 or Shift_JIS) and queues new minutes of the
     * 課 made from it, with a new id and the given head.
     *
     * @return the minutes queued
     * @throws org.kairan.core.minutes.TranscriptException the file is not a transcript the desktop can read; the
     *         message says why in Japanese and nothing is queued
     * @throws IOException the file cannot be read
     * @throws IllegalStateException nobody is logged in
     */
    Minutes importTranscript(Path file, MeetingHeader header, String unitCode) throws IOException;

    /**
     * Queues the minutes as the editor has them, on the version it started from ({@link MinutesEntry#baseVersion()};
     * 0 for new minutes). Works offline. A conflict or refusal of an earlier save of these minutes is dismissed: the
     * user has seen it and saves again.
     *
     * @throws IllegalStateException nobody is logged in, or the minutes were sent for 決裁 already
     */
    QueuedAction save(Minutes minutes, int baseVersion);

    /**
     * Queues 決裁に回付: the server prints the minutes and makes a 起案中 起案 of the user with the PDF attached.
     *
     * @return the new 起案's id (chosen here)
     * @throws IllegalArgumentException the 文書分類 is not one of the city's
     * @throws IllegalStateException nobody is logged in, or the minutes are not saved yet or already sent
     */
    String send(String minutesId, int baseVersion, String classification);

    /**
     * Writes the minutes to {@code target}: .docx and PDF as the server prints them (the user's unsent saves are sent
     * first), WebVTT and text here from the minutes as this desktop has them (offline too).
     *
     * @throws KairanClientException the server could not be reached or refused
     * @throws IOException the file cannot be written
     * @throws IllegalArgumentException no such minutes here
     */
    void export(String minutesId, ExportFormat format, Path target) throws KairanClientException, IOException;

    /**
     * The recording the minutes are played from, as a WAV file on this desktop (16 kHz mono; an utterance's time is
     * its place in it): downloaded once into the user's file cache, then played from there, offline too. Minutes made
     * from a speech-to-text job have one; a transcript imported from a file has none. Uses the network the first
     * time: call it from a Job.
     *
     * @throws org.kairan.client.kessai.FileUnavailableException no recording, not on this desktop yet while the
     *         server cannot be reached, refused, or cut short; the message says which in Japanese
     * @throws IllegalArgumentException no such minutes here
     */
    Path recording(String minutesId) throws org.kairan.client.kessai.FileUnavailableException;

    // --- speech-to-text on the server

    /** The languages the server knows of, each saying whether its model is installed. */
    List<SpeechLanguage> languages() throws KairanClientException;

    /**
     * Uploads a recording and starts its transcription in {@code language}.
     *
     * @throws KairanClientException no model for the language (the server's message says so), not a recording,
     *         too large, or the server could not be reached
     */
    TranscriptionJob startTranscription(Path recording, String language) throws KairanClientException, IOException;

    /** The job as it is now (its progress). */
    TranscriptionJob transcription(String jobId) throws KairanClientException;

    /** Stops a job still running (it becomes 取消), or deletes a finished one with its recording. */
    void cancelTranscription(String jobId) throws KairanClientException;

    /**
     * Makes new minutes of the 課 from a finished job's transcript (utterances without speaker labels: speech-to-text
     * does not tell speakers apart), played from the job's recording ({@link #recording}), and queues them like an
     * import.
     *
     * @throws KairanClientException the transcript is not ready or the server could not be reached
     */
    Minutes minutesFromTranscription(String jobId, MeetingHeader header, String unitCode)
            throws KairanClientException, IOException;
}

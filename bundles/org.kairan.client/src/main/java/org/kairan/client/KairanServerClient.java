package org.kairan.client;

import java.io.IOException;
import java.net.URI;
import java.nio.file.Path;
import java.util.List;
import java.time.LocalDate;
import java.time.ZoneId;
import java.util.Optional;
import java.util.function.Consumer;

import org.kairan.core.documents.PageWords;
import org.kairan.core.files.StoredFile;
import org.kairan.core.organisation.DirectorySnapshot;
import org.kairan.core.organisation.StaffMember;
import org.kairan.core.protocol.ChatCredentials;
import org.kairan.core.protocol.HealthStatus;
import org.kairan.core.protocol.ImportReport;
import org.kairan.core.protocol.LoginRequest;
import org.kairan.core.protocol.LoginResponse;
import org.kairan.core.protocol.PasswordChangeRequest;
import org.kairan.core.protocol.TotpEnrolmentRequest;
import org.kairan.core.sync.CommandBatch;
import org.kairan.core.sync.CommandResults;
import org.kairan.core.sync.PullResponse;

/**
 * The desktop's view of one Kairan server (the contract is docs/API.md). Registered as an OSGi service;
 * parts and handlers get it injected.
 * <p>
 * Every method may block on the network: call it from a {@code Job}, never from the UI thread. Errors
 * arrive as the subclasses of {@link KairanClientException}, one per thing a user can act on. The
 * service posts {@link ClientTopics#CONNECTION} events whenever {@link #connectionState()} changes and
 * {@link ClientTopics#SESSION} events when a session starts or ends.
 * <p>
 * A successful login is kept in the workspace (a file only the user can read) so that the next start of
 * the desktop resumes it with {@link #resumeSession()} until logout or expiry.
 */
public interface KairanServerClient {

    /**
     * A client outside OSGi (tools, other bundles' tests): its session file under {@code sessionDirectory}, requests
     * given up after {@code timeout}, days reckoned on {@code clock}. It posts no events.
     */
    static KairanServerClient standalone(java.nio.file.Path sessionDirectory, java.time.Duration timeout,
            java.time.Clock clock) {
        return new org.kairan.client.internal.HttpKairanServerClient(sessionDirectory, timeout, clock);
    }

    /** Asks the server's public health endpoint; no session needed. */
    HealthStatus checkHealth(ServerAddress server) throws KairanClientException;

    /**
     * Logs in. On {@code AUTHENTICATED} the session becomes current and is stored; on
     * {@code TOTP_REQUIRED} send the same request again with a code; on {@code TOTP_ENROLMENT_REQUIRED}
     * show {@link LoginResponse#otpauthUri()} as a QR code and call {@link #confirmEnrolment}.
     *
     * @throws WrongCredentialsException user id or password (or code) wrong
     * @throws WrongTotpException the code is wrong or was already used
     * @throws AccountLockedException too many failures; see {@link AccountLockedException#retryAfter()}
     */
    LoginResponse login(ServerAddress server, LoginRequest request) throws KairanClientException;

    /** Confirms a first-login TOTP enrolment; on success the session becomes current and is stored. */
    LoginResponse confirmEnrolment(ServerAddress server, TotpEnrolmentRequest request) throws KairanClientException;

    /** The session of this run, if logged in. */
    Optional<Session> session();

    /** The session kept from an earlier run (not yet checked with the server), if any and not expired. */
    Optional<Session> storedSession();

    /**
     * The office's time zone as the server told it at the last login (kept with the stored session, so it holds
     * offline too), else {@link Session#DEFAULT_ZONE}. Every "today" and every date shown on the desktop is
     * reckoned in it, whatever the zone of the desktop's own clock.
     */
    ZoneId officeZone();

    /** Today in the office's zone. */
    default LocalDate officeToday() {
        return LocalDate.now(officeZone());
    }

    /**
     * Checks the stored session with the server and makes it current.
     *
     * @throws SessionExpiredException there is none, or the server no longer accepts it (it is forgotten)
     * @throws ServerUnreachableException the server did not answer (the stored session is kept)
     */
    Session resumeSession() throws KairanClientException;

    // --- 議事録 (docs/API.md, "Minutes")

    /**
     * The printed 会議録 of saved minutes into {@code target}: {@code format} docx or pdf
     * ({@code GET /api/minutes/records/{id}/export}).
     */
    void downloadMinutes(String minutesId, String format, Path target) throws KairanClientException;

    /**
     * The recording saved minutes are played from, as WAV (16 kHz mono) into {@code target}
     * ({@code GET /api/minutes/records/{id}/recording}).
     */
    void downloadMinutesRecording(String minutesId, Path target) throws KairanClientException;

    /** The languages of the server's speech-to-text ({@code GET /api/minutes/languages}). */
    List<org.kairan.client.minutes.SpeechLanguage> speechLanguages() throws KairanClientException;

    /**
     * Uploads a recording to be transcribed ({@code POST /api/minutes/transcriptions?language=}); answers the job.
     *
     * @throws IOException the file cannot be read here
     */
    org.kairan.client.minutes.TranscriptionJob startTranscription(Path recording, String language)
            throws KairanClientException, IOException;

    /** A transcription job of the user ({@code GET /api/minutes/transcriptions/{id}}). */
    org.kairan.client.minutes.TranscriptionJob transcription(String jobId) throws KairanClientException;

    /** Cancels a running job or deletes a finished one ({@code DELETE /api/minutes/transcriptions/{id}}). */
    void deleteTranscription(String jobId) throws KairanClientException;

    /** A finished job's transcript as WebVTT into {@code target} ({@code …/{id}/transcript.vtt}). */
    void downloadTranscript(String jobId, Path target) throws KairanClientException;

    /** The whole organisation directory (units, staff, positions, assignments). */
    DirectorySnapshot directory() throws KairanClientException;

    /** Staff whose 氏名, かな or 職員番号 match the query (server side {@code NameMatcher} rules). */
    List<StaffMember> searchStaff(String query) throws KairanClientException;

    // --- sync (docs/API.md, "Sync"); normally used only by the SyncService

    /**
     * One page of the change feed after {@code cursor} ({@code null}: from the start), compressed on the wire.
     *
     * @param limit 1–1000 entries
     * @throws RequestRejectedException {@code BAD_REQUEST} with field {@code cursor} for a cursor the server
     *         does not accept (another user's, of another feed, ahead of the head)
     */
    PullResponse pull(String cursor, int limit) throws KairanClientException;

    /**
     * Sends commands (at most {@link CommandBatch#MAX_COMMANDS}); the server applies each once, in order, and
     * answers every one (a command sent again gets its stored result).
     */
    CommandResults sendCommands(CommandBatch batch) throws KairanClientException;

    /**
     * Subscribes to the server's push: {@code onFeedMoved} runs (on the subscription's own daemon thread)
     * each time the server says the feed moved; {@code onClosed} runs once when the stream ends for any
     * reason other than {@link AutoCloseable#close()} (the server stopped, the network dropped, nothing heard
     * for a minute), with the cause. Closing the returned handle ends the subscription quietly.
     *
     * @throws SessionExpiredException not logged in, or the server refused the session
     * @throws ServerUnreachableException the stream could not be opened
     */
    AutoCloseable openPush(Runnable onFeedMoved, Consumer<Throwable> onClosed) throws KairanClientException;

    // --- files: 添付 and the PDF of record, kept by the server by their SHA-256

    /**
     * Uploads a file ({@code PUT /api/files}), streamed from disk. Idempotent by content: the same bytes again
     * get the same answer, so a retry after a lost answer is safe. Normally used only by the sync engine, which
     * uploads the files an action names before it sends the action.
     *
     * @param name      the file name as the user chose it (sent percent-encoded)
     * @param mediaType the {@code Content-Type} to send
     * @return what the server keeps: hash, size, type recognised by content, pages
     * @throws RequestRejectedException 413 {@code PAYLOAD_TOO_LARGE} (field {@code TOO_LARGE}) over the server's
     *         limit; 422 {@code UNPROCESSABLE} with the {@link org.kairan.core.files.FileRefusal} name as field
     *         (empty, encrypted, damaged, without pages), the message in Japanese
     * @throws IOException the file cannot be read here
     */
    default StoredFile uploadFile(Path file, String name, String mediaType) throws KairanClientException, IOException {
        return uploadFile(file, name, mediaType, null);
    }

    /**
     * Uploads a file for a purpose ({@code PUT /api/files?purpose=...}): {@code library} for a 課's document
     * library (PDFs and scanned images; anything else is refused with 422 {@code UNPROCESSABLE}, field
     * {@code UNSUPPORTED_TYPE}); {@code null} for a 決裁's attachment, as {@link #uploadFile(Path, String, String)}.
     *
     * @throws RequestRejectedException as {@link #uploadFile(Path, String, String)}
     * @throws IOException the file cannot be read here
     */
    StoredFile uploadFile(Path file, String name, String mediaType, String purpose)
            throws KairanClientException, IOException;

    /**
     * Downloads a file by its SHA-256 ({@code GET /api/files/{sha256}}) into {@code target}, which is created or
     * replaced; the caller checks the hash.
     *
     * @throws RequestRejectedException 403/404 when the user may not see any 案件 naming it and did not upload it
     */
    void downloadFile(String sha256, Path target) throws KairanClientException;

    /**
     * Downloads the signed PDF of record of a decided 案件 ({@code GET /api/kessai/{id}/record}) into
     * {@code target}, which is created or replaced.
     *
     * @throws RequestRejectedException 403/404 when the user may not see it or it has none (yet)
     */
    void downloadRecord(String kessaiId, Path target) throws KairanClientException;

    /**
     * Downloads the 決裁簿 of a 課 for the days {@code from}–{@code to} as CSV for Excel
     * ({@code GET /api/kessai/register}) into {@code target}: UTF-8 with a BOM, or Shift_JIS.
     *
     * @throws RequestRejectedException 403 for someone without rights over the 課 (課長 and above, administrators)
     */
    void downloadRegister(String unitCode, java.time.LocalDate from, java.time.LocalDate to, boolean shiftJis,
            Path target) throws KairanClientException;

    /**
     * Decided 案件 past their 保存年限 as of the day ({@code GET /api/kessai/retention}), for administrators.
     *
     * @throws RequestRejectedException 403 for anyone else
     */
    org.kairan.core.kessai.RetentionList retention(java.time.LocalDate asOf) throws KairanClientException;

    /**
     * Records 廃棄, 移管 or 継続 until {@code keptUntil} ({@code POST /api/kessai/retention/{id}}), for administrators.
     *
     * @param keptUntil the new last day for 継続, {@code null} otherwise
     */
    void decideRetention(String kessaiId, org.kairan.core.kessai.RetentionList.Disposition disposition,
            java.time.LocalDate keptUntil) throws KairanClientException;

    // --- document library (文書庫) of each 課

    /**
     * Where OCR found the words of a library document version's scanned pages
     * ({@code GET /api/documents/{id}/versions/{n}/words}), for highlighting what a search found on a page without
     * a text layer: one {@link PageWords} per OCR'd page, in page order, boxes in points of the page as it is drawn
     * (origin top left). Pages with a text layer are not listed (their own text positions serve); an empty list
     * when no page was OCR'd, or the extraction has not reached them yet.
     *
     * @throws RequestRejectedException {@code NOT_FOUND} for a document the user may not see (exactly as for one
     *         that does not exist) or a version it does not have
     */
    List<PageWords> documentWords(String documentId, int version) throws KairanClientException;

    /**
     * The logged-in user's business-chat account ({@code GET /api/chat/credentials}): their XMPP address and
     * password, the XMPP server and the certificate to trust. Only a session (made with the second factor) gets it.
     *
     * @throws RequestRejectedException {@code NOT_FOUND} when the office runs without chat
     * @throws AccountLockedException the account is locked
     */
    ChatCredentials chatCredentials() throws KairanClientException;

    /**
     * Changes the logged-in user's password. The server ends the user's other sessions; this one stays.
     *
     * @throws WrongCredentialsException the current password is wrong (counts as a failed login)
     * @throws AccountLockedException too many failures; see {@link AccountLockedException#retryAfter()}
     * @throws RequestRejectedException {@link org.kairan.core.protocol.ErrorCode#UNPROCESSABLE} when the new
     *         password is too weak (under 10 characters, or the user id)
     */
    void changePassword(PasswordChangeRequest request) throws KairanClientException;

    // --- administration: role ADMIN; anyone else gets a RequestRejectedException with code FORBIDDEN

    /**
     * 二要素認証のリセット: the person enrols a second factor again at their next login; their sessions end.
     *
     * @throws RequestRejectedException {@code NOT_FOUND} for an unknown 職員番号, {@code FORBIDDEN} for a non-admin
     */
    void resetSecondFactor(String staffNo) throws KairanClientException;

    /** ログインのロック解除: forgets the person's failed attempts, so the next right password is accepted at once. */
    void unlockLogin(String staffNo) throws KairanClientException;

    /** セッションの無効化: ends every session of the person (they must log in again everywhere). */
    void revokeSessions(String staffNo) throws KairanClientException;

    /**
     * 職員名簿の取込み: uploads the roster files. All or nothing: the report says whether it was applied, with
     * the encoding read and the rows accepted; when any row is rejected (each listed with its line and a
     * Japanese reason) nothing is written and {@link ImportReport#applied()} is false.
     *
     * @throws IOException a file cannot be read here
     * @throws RequestRejectedException e.g. {@code PAYLOAD_TOO_LARGE} for a file over the server's limit
     */
    ImportReport importRoster(RosterFiles files) throws KairanClientException, IOException;

    /**
     * Ends the session on the server and forgets it here. The local session is forgotten even when the
     * server cannot be reached (the server lets it expire).
     */
    void logout();

    /** The state last observed; changes are posted on {@link ClientTopics#CONNECTION}. */
    ConnectionState connectionState();

    /** Asks the server whether it is there and the session still valid, and updates the state. */
    ConnectionState checkConnection();

    /** Where the session file lives (for diagnostics and tests). */
    URI sessionStore();
}

package org.kairan.client.kessai;

import java.io.IOException;
import java.nio.file.Path;
import java.time.LocalDate;
import java.util.Optional;

import org.kairan.client.sync.QueuedAction;
import org.kairan.core.kessai.AbsenceNotice;
import org.kairan.core.kessai.ApprovalRoute;
import org.kairan.core.kessai.FileRef;
import org.kairan.core.kessai.KessaiAction;
import org.kairan.core.kessai.KessaiDraft;
import org.kairan.core.kessai.KessaiSettings;
import org.kairan.core.kessai.RouteEditor;

/**
 * 電子決裁 for the logged-in user, as the desktop's 決裁 screens use it. Registered as an OSGi service.
 * <p>
 * Everything is read from the local replica and works offline: the inbox, a route drafted from the
 * 事務決裁規程 and the directory as the server will check it, files already opened once. Actions go to the
 * sync queue and show at once: the inbox applies the user's unsent actions on this desktop
 * ({@link InboxItem#sending()} marks them 「送信待ち」), and a refusal from the server stays on the item until
 * the user dismisses it ({@link org.kairan.client.sync.SyncService#dismiss}). New arrivals in 承認待ち, 後閲
 * and 差戻し are posted on {@link KessaiTopics#INBOX}.
 * <p>
 * Files: {@link #prepareAttachment} copies a file into the user's outbox at once (checked against the city's
 * size limit and for being empty, hashed); the sync engine uploads it before the action naming it is sent.
 * A file the server refuses (encrypted or damaged PDF …) makes that action REJECTED with the server's reason
 * (code: the {@link org.kairan.core.files.FileRefusal} name). {@link #open} and {@link #openRecord} may use the
 * network: call them from a Job.
 */
public interface KessaiService {

    /**
     * The inbox now. Decoded once per change of the replica (in the background, right after the change), not
     * per call: asking again costs nothing, but a call just after a change or a start may wait for that
     * decoding (a few hundred ms for 5,000 案件), so read it in a Job like any replica read.
     */
    Inbox inbox();

    /** One 案件 as the user sees it now (their unsent actions applied), if the replica has it or they drafted it here. */
    Optional<InboxItem> find(String kessaiId);

    /** The city's 決裁 settings as synced (文書分類, 事務決裁規程, size limit …); empty before the first sync. */
    Optional<KessaiSettings> settings();

    /**
     * The route the 事務決裁規程 gives for a 起案 by the user, as of the draft date, from the replica's directory
     * and settings (the server checks the same).
     *
     * @throws org.kairan.core.kessai.RouteException no one can decide (vacant post, the drafter decides, unknown
     *         決裁区分 …), with the reason in Japanese
     * @throws IllegalStateException nobody is logged in, or the settings have not been synced yet
     */
    ApprovalRoute proposeRoute(String decisionKind, long amountYen, LocalDate draftDate);

    /**
     * Edits of a route (合議, 回議, 供覧) resolved against the replica's directory; its methods throw
     * {@link org.kairan.core.kessai.RouteException} for an edit that breaks the route.
     */
    RouteEditor routeEditor();

    /**
     * Copies a file the user adds to a draft into the outbox and returns what the draft names
     * ({@link KessaiDraft#files()}), with a new attachment id.
     *
     * @throws org.kairan.client.sync.FileNotAcceptedException empty, or larger than the city allows (the message
     *         names the file)
     * @throws IOException the file cannot be read
     */
    FileRef prepareAttachment(Path file) throws IOException;

    /**
     * Queues 起案 or the edit of a draft (or of a 案件 sent back); its new files must come from
     * {@link #prepareAttachment} (or be on the 案件 already).
     *
     * @throws IllegalArgumentException the draft names a file that is neither prepared nor on the 案件
     */
    QueuedAction saveDraft(KessaiDraft draft);

    /**
     * Queues an action (提出, 承認, 差戻し …) on the state the user saw ({@link KessaiAction#on}). A request
     * that can never be right — 差戻し or 却下 without a reason, a 差戻し target that is not an earlier step —
     * is refused here; whether it is still the user's turn is for the server to say (a conflict).
     *
     * @throws org.kairan.core.kessai.WorkflowRefusal the request itself is wrong
     *         ({@link org.kairan.core.kessai.WorkflowRefusal.Reason#isInvalidRequest()})
     */
    QueuedAction act(KessaiAction action);

    /**
     * Copies the file into the outbox and queues adding it to the 案件 (a new version when a file of the name
     * is there).
     *
     * @throws org.kairan.client.sync.FileNotAcceptedException empty, or larger than the city allows
     * @throws IOException the file cannot be read
     */
    QueuedAction attach(String kessaiId, Path file) throws IOException;

    /** Queues the user's 不在 (or an administrator's for someone), or calling it off. */
    QueuedAction setAbsence(AbsenceNotice notice);

    /**
     * A local copy of a file (by its SHA-256) to show: from the cache when it was opened before (offline too),
     * else downloaded and checked against the hash.
     *
     * @throws FileUnavailableException offline and not cached, not given to this user, or damaged in transit
     */
    Path open(String sha256) throws FileUnavailableException;

    /**
     * A local copy of the signed PDF of record of a decided 案件, cached like {@link #open}.
     *
     * @throws FileUnavailableException there is none yet, offline and not cached, or damaged in transit
     */
    Path openRecord(String kessaiId) throws FileUnavailableException;
}

package org.kairan.client.minutes.internal;

import java.io.IOException;
import java.io.InputStream;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.LocalDate;
import java.util.ArrayList;
import java.util.Comparator;
import java.util.LinkedHashSet;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.Set;
import java.util.UUID;

import javax.sound.sampled.AudioFileFormat;
import javax.sound.sampled.AudioSystem;
import javax.sound.sampled.UnsupportedAudioFileException;

import org.kairan.client.KairanClientException;
import org.kairan.client.KairanServerClient;
import org.kairan.client.Session;
import org.kairan.client.internal.FileCache;
import org.kairan.client.kessai.FileUnavailableException;
import org.kairan.client.minutes.ExportFormat;
import org.kairan.client.minutes.MinutesEntry;
import org.kairan.client.minutes.MinutesService;
import org.kairan.client.minutes.SpeechLanguage;
import org.kairan.client.minutes.TranscriptionJob;
import org.kairan.client.sync.ActionState;
import org.kairan.client.sync.QueuedAction;
import org.kairan.client.sync.Replica;
import org.kairan.client.sync.SyncProgress;
import org.kairan.client.sync.DecodedRecords;
import org.kairan.client.sync.SyncService;
import org.kairan.core.kessai.Divisions;
import org.kairan.core.kessai.DocumentClass;
import org.kairan.core.kessai.KessaiSettings;
import org.kairan.core.minutes.MeetingHeader;
import org.kairan.core.minutes.Minutes;
import org.kairan.core.minutes.MinutesRecord;
import org.kairan.core.minutes.MinutesWriters;
import org.kairan.core.minutes.SaveMinutes;
import org.kairan.core.minutes.SendMinutes;
import org.kairan.core.minutes.Transcript;
import org.kairan.core.minutes.Transcripts;
import org.kairan.core.organisation.Assignment;
import org.kairan.core.organisation.OrgUnit;
import org.kairan.core.organisation.OrganisationDirectory;
import org.kairan.core.organisation.StaffMember;
import org.kairan.core.protocol.SessionUser;
import org.kairan.core.sync.CommandTypes;
import org.kairan.core.sync.EntityTypes;
import org.osgi.service.component.annotations.Component;
import org.osgi.service.component.annotations.Reference;

/**
 * {@link MinutesService} over the {@link SyncService}: the replica's {@code minutes} records (decoded once per
 * {@link Replica#version}) with the user's {@code minutes.*} actions laid over them ({@link MinutesLines}); the
 * printed 会議録 and speech-to-text through the {@link KairanServerClient}.
 */
@Component(service = MinutesService.class)
public final class DefaultMinutesService implements MinutesService {

    /** The bytes before the samples of the WAV files the server sends. */
    private static final int WAVE_HEADER = 44;

    @Reference
    private SyncService sync;

    @Reference
    private KairanServerClient client;

    private final DecodedRecords<MinutesRecord> decoded = new DecodedRecords<>(EntityTypes.MINUTES, MinutesRecord.class,
            MinutesRecord::id);

    /** For Declarative Services. */
    public DefaultMinutesService() {
    }

    /** For tests and non-OSGi use. */
    public DefaultMinutesService(SyncService sync, KairanServerClient client) {
        this.sync = sync;
        this.client = client;
    }

    // --- reading

    private Map<String, MinutesRecord> records() {
        return decoded.of(sync);
    }

    @Override
    public List<MinutesEntry> entries() {
        if (sync.session().isEmpty()) {
            return List.of();
        }
        List<QueuedAction> mine = sync.actions().stream().filter(a -> MinutesLines.isMinutesCommand(a.type())).toList();
        return new MinutesLines(records(), (action, type) -> sync.payloadOf(action, type)).lines(mine);
    }

    @Override
    public Optional<MinutesEntry> entry(String minutesId) {
        return entries().stream().filter(e -> e.id().equals(minutesId)).findFirst();
    }

    @Override
    public List<OrgUnit> ownUnits() {
        Optional<SessionUser> me = sync.session().map(Session::user);
        if (me.isEmpty()) {
            return List.of();
        }
        LocalDate today = sync.officeToday();
        OrganisationDirectory directory = new OrganisationDirectory(sync.replica().directory(today));
        Set<OrgUnit> own = new LinkedHashSet<>();
        List<Assignment> posts = new ArrayList<>(directory.postsOf(me.get().staffNo(), today));
        posts.sort(Comparator.comparing(a -> a.kind().ordinal())); // 本務 first
        for (Assignment post : posts) {
            Divisions.divisionOf(directory, post.unitCode()).ifPresent(own::add);
        }
        if (own.isEmpty()) {
            Divisions.divisionOf(directory, me.get().unitCode()).ifPresent(own::add);
        }
        return List.copyOf(own);
    }

    @Override
    public List<StaffMember> findStaff(String query) {
        if (query == null || query.isBlank()) {
            return List.of();
        }
        return new OrganisationDirectory(sync.replica().directory(sync.officeToday())).search(query);
    }

    @Override
    public List<DocumentClass> classifications() {
        return sync.replica().get(EntityTypes.KESSAI_SETTINGS, KessaiSettings.FEED_ID, KessaiSettings.class)
                .map(KessaiSettings::classes).orElse(List.of());
    }

    // --- actions

    @Override
    public Minutes importTranscript(Path file, MeetingHeader header, String unitCode) throws IOException {
        me();
        Transcript transcript;
        try (InputStream in = Files.newInputStream(file)) {
            transcript = Transcripts.read(in, file.getFileName().toString()); // a huge file is refused as it is read
        }
        return queueNew(transcript, header, unitCode, "");
    }

    private Minutes queueNew(Transcript transcript, MeetingHeader header, String unitCode, String recording) {
        Minutes minutes = Minutes.fromTranscript(UUID.randomUUID().toString(), unitCode, header, transcript)
                .withRecording(recording);
        sync.enqueue(CommandTypes.SAVE_MINUTES, new SaveMinutes(minutes, 0));
        return minutes;
    }

    @Override
    public QueuedAction save(Minutes minutes, int baseVersion) {
        me();
        Optional<MinutesEntry> now = entry(minutes.id());
        if (now.isPresent() && !now.get().editable()) {
            throw new IllegalStateException("この議事録は決裁に回付済みのため、保存できません (the minutes were sent for 決裁)");
        }
        dismissRefusals(minutes.id());
        return sync.enqueue(CommandTypes.SAVE_MINUTES, new SaveMinutes(minutes, baseVersion));
    }

    /** The user saves (or sends) again: an earlier conflict or refusal of these minutes has been seen. */
    private void dismissRefusals(String minutesId) {
        for (QueuedAction a : sync.actions()) {
            if (MinutesLines.isMinutesCommand(a.type())
                    && (a.state() == ActionState.CONFLICT || a.state() == ActionState.REJECTED)
                    && minutesIdOf(a).equals(minutesId)) {
                sync.dismiss(a.key());
            }
        }
    }

    private String minutesIdOf(QueuedAction action) {
        return CommandTypes.SAVE_MINUTES.equals(action.type())
                ? sync.payloadOf(action, SaveMinutes.class).minutes().id()
                : sync.payloadOf(action, SendMinutes.class).minutesId();
    }

    @Override
    public String send(String minutesId, int baseVersion, String classification) {
        me();
        if (classifications().stream().noneMatch(c -> c.name().equals(classification))) {
            throw new IllegalArgumentException("文書分類「" + classification + "」は市の文書分類にありません");
        }
        MinutesEntry entry = entry(minutesId).orElseThrow(() -> new IllegalStateException(
                "この議事録はこの端末にありません (no minutes " + minutesId + " here)"));
        if (!entry.editable()) {
            throw new IllegalStateException("この議事録は決裁に回付済みです (already sent)");
        }
        if (entry.baseVersion() == 0) {
            throw new IllegalStateException("議事録を保存してから決裁に回付してください (save the minutes first)");
        }
        dismissRefusals(minutesId);
        String kessaiId = UUID.randomUUID().toString();
        sync.enqueue(CommandTypes.SEND_MINUTES, new SendMinutes(minutesId, baseVersion, kessaiId, classification));
        return kessaiId;
    }

    @Override
    public void export(String minutesId, ExportFormat format, Path target) throws KairanClientException, IOException {
        MinutesEntry entry = entry(minutesId).orElseThrow(() -> new IllegalArgumentException(
                "この議事録はこの端末にありません (no minutes " + minutesId + " here)"));
        switch (format) {
            case WEBVTT -> Files.writeString(target, MinutesWriters.webVtt(entry.minutes()), StandardCharsets.UTF_8);
            case TEXT -> Files.writeString(target, MinutesWriters.plainText(entry.minutes()), StandardCharsets.UTF_8);
            case DOCX, PDF -> {
                onServer(entry); // the server prints what it has
                client.downloadMinutes(minutesId, format.extension(), target);
            }
            default -> throw new IllegalArgumentException(format.name());
        }
    }

    @Override
    public Path recording(String minutesId) throws FileUnavailableException {
        MinutesEntry entry = entry(minutesId).orElseThrow(() -> new IllegalArgumentException(
                "この議事録はこの端末にありません (no minutes " + minutesId + " here)"));
        Minutes minutes = entry.minutes();
        String name = minutes.header().title() + " 録音.wav";
        if (!minutes.hasRecording()) {
            throw new FileUnavailableException(FileUnavailableException.Reason.NOT_AVAILABLE, "この議事録には録音がありません"
                    + "（録音から文字起こしした議事録だけを再生できます） (the minutes have no recording)", null);
        }
        Path userDirectory = sync.userDirectory().orElseThrow(() -> new FileUnavailableException(
                FileUnavailableException.Reason.OFFLINE, "ログインしていません (nobody is logged in)", null));
        return new FileCache(userDirectory).open("recording-" + minutes.recording() + ".wav", name, target -> {
            onServer(entry); // the server plays the recording of minutes it has
            client.downloadMinutesRecording(minutesId, target);
        }, DefaultMinutesService::playable);
    }

    /**
     * Sends the user's unsent saves of the minutes first, so that the server has them as this desktop shows them.
     *
     * @throws IllegalStateException they have still not reached the server
     */
    private void onServer(MinutesEntry entry) throws KairanClientException {
        MinutesEntry now = entry;
        if (now.state() == MinutesEntry.State.QUEUED) {
            sync.syncNow(SyncProgress.NONE);
            now = entry(entry.id()).orElseThrow();
        }
        if (now.state() == MinutesEntry.State.QUEUED || now.baseVersion() == 0) {
            throw new IllegalStateException("保存した議事録がまだサーバーに届いていません。接続が戻ってからもう一度お試しください"
                    + " (the saved minutes have not reached the server yet)");
        }
    }

    /** A recording that arrived is a whole WAV: its samples as long as its (44-byte, the server's) header says. */
    private static void playable(Path arrived) throws FileUnavailableException, IOException {
        try {
            AudioFileFormat format = AudioSystem.getAudioFileFormat(arrived.toFile());
            long samples = (long) format.getFrameLength() * format.getFormat().getFrameSize();
            if (format.getFrameLength() <= 0 || Files.size(arrived) < WAVE_HEADER + samples) {
                throw new FileUnavailableException(FileUnavailableException.Reason.DAMAGED, "録音が途中までしか届きません"
                        + "でした。もう一度再生してください (the recording arrived cut short)", null);
            }
        } catch (UnsupportedAudioFileException e) {
            throw new FileUnavailableException(FileUnavailableException.Reason.DAMAGED, "受け取った録音を読み取れません"
                    + " (not a WAV file: " + e.getMessage() + ")", e);
        }
    }

    // --- speech-to-text

    @Override
    public List<SpeechLanguage> languages() throws KairanClientException {
        return client.speechLanguages();
    }

    @Override
    public TranscriptionJob startTranscription(Path recording, String language) throws KairanClientException, IOException {
        return client.startTranscription(recording, language);
    }

    @Override
    public TranscriptionJob transcription(String jobId) throws KairanClientException {
        return client.transcription(jobId);
    }

    @Override
    public void cancelTranscription(String jobId) throws KairanClientException {
        client.deleteTranscription(jobId);
    }

    @Override
    public Minutes minutesFromTranscription(String jobId, MeetingHeader header, String unitCode)
            throws KairanClientException, IOException {
        me();
        Path vtt = Files.createTempFile("kairan-transcript-", ".vtt");
        try {
            client.downloadTranscript(jobId, vtt);
            try (InputStream in = Files.newInputStream(vtt)) {
                return queueNew(Transcripts.read(in, "transcript.vtt"), header, unitCode, jobId);
            }
        } finally {
            Files.deleteIfExists(vtt);
        }
    }

    private SessionUser me() {
        return sync.session().map(Session::user).orElseThrow(() -> new IllegalStateException(
                "ログインしていません (nobody is logged in)"));
    }
}

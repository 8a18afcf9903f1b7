package org.kairan.server.minutes;

import java.io.BufferedInputStream;
import java.io.IOException;
import java.io.InputStream;
import java.io.OutputStream;
import java.nio.file.Files;
import java.nio.file.Path;
import java.nio.file.StandardCopyOption;
import java.time.Clock;
import java.time.Duration;
import java.util.Comparator;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import java.util.Optional;
import java.util.UUID;
import java.util.concurrent.ConcurrentHashMap;
import java.util.concurrent.CountDownLatch;
import java.util.concurrent.ExecutorService;
import java.util.concurrent.Executors;
import java.util.concurrent.TimeUnit;
import java.util.concurrent.atomic.AtomicInteger;
import java.util.stream.Stream;

import org.kairan.server.storage.Database;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;

/**
 * The server's speech-to-text jobs: a recording is uploaded (streamed to the data directory, looked at, refused at
 * once when it is not audio), queued in the database and transcribed by one of a few worker threads — 変換中 (to 16 kHz
 * mono PCM), 認識中 n% (the engine fed chunk by chunk), then 完了 with its transcript written in the same transaction,
 * or 取消 / 失敗 with nothing kept. Cancelling stops the engine at its next chunk (⅛ s of audio, well within a second).
 * A job a worker had when the server stopped is 失敗（中断）; waiting ones are taken up at the next start.
 * Recordings are kept under {@code DATA/minutes/<id>/} until their job is deleted: the upload, and once the job is
 * done the 16 kHz PCM the engine was fed, which the minutes made from it play. A job whose recording minutes play is
 * not deleted.
 */
public final class TranscriptionJobs implements AutoCloseable {

    private static final Logger LOG = LoggerFactory.getLogger(TranscriptionJobs.class);
    /** The longest a cancel waits for the worker to stop before it answers. */
    static final Duration CANCEL_WAIT = Duration.ofSeconds(2);
    /** A finished job's recording as the engines were fed it, kept to be played from the minutes. */
    private static final String PLAYABLE = "audio.pcm";
    static final String INTERRUPTED = "サーバーの停止で中断されました。もう一度登録してください (interrupted by a server stop)";

    private final Database database;
    private final TranscriptionStore store;
    private final SpeechToText engine;
    private final Recordings recordings;
    private final SpeechSettings settings;
    private final Path root;
    private final Clock clock;
    private final RecordingUse minutes;
    private final ExecutorService workers;
    private final Map<String, Running> running = new ConcurrentHashMap<>();
    private volatile boolean closing;

    /** A job a worker has or will soon have: its live progress and cancel flag. */
    private static final class Running {
        final CountDownLatch done = new CountDownLatch(1);
        volatile int percent;
        volatile boolean cancelled;
    }

    /**
     * @param root    the directory of the recordings ({@code DATA/minutes})
     * @param minutes which 議事録 are played from a job's recording (it is not deleted then)
     */
    public TranscriptionJobs(Database database, com.fasterxml.jackson.databind.ObjectMapper mapper, SpeechToText engine,
            Recordings recordings, SpeechSettings settings, Path root, Clock clock, RecordingUse minutes) {
        this.database = database;
        this.store = new TranscriptionStore(mapper);
        this.engine = engine;
        this.recordings = recordings;
        this.settings = settings;
        this.root = root;
        this.clock = clock;
        this.minutes = minutes;
        AtomicInteger number = new AtomicInteger();
        this.workers = Executors.newFixedThreadPool(settings.workers(), task -> {
            Thread thread = new Thread(task, "kairan-stt-" + number.incrementAndGet());
            thread.setDaemon(true);
            thread.setPriority(Thread.NORM_PRIORITY - 1);
            return thread;
        });
    }

    /** The engine's languages, installed or not (what the desktop shows). */
    public List<LanguageModel> languages() {
        return engine.languages();
    }

    public LanguageModel language(String language) {
        return engine.language(language);
    }

    public long maxUploadBytes() {
        return settings.maxUploadBytes();
    }

    /**
     * Marks the jobs a worker had when the server last stopped (or died) as failed, takes up the waiting ones and
     * removes recordings left behind by uploads that never became jobs.
     */
    public void start() {
        List<TranscriptionStore.StoredJob> waiting = database.inTransaction(c -> {
            int interrupted = 0;
            for (JobState state : List.of(JobState.CONVERTING, JobState.RECOGNISING)) {
                for (TranscriptionStore.StoredJob job : store.inState(c, state)) {
                    store.fail(c, job.id(), "サーバーの再起動で中断されました。もう一度登録してください (interrupted by a server"
                            + " restart)", clock.instant());
                    interrupted++;
                }
            }
            if (interrupted > 0) {
                LOG.info("{} transcription jobs interrupted by the last stop are marked failed", interrupted);
            }
            return store.inState(c, JobState.WAITING);
        });
        removeTree(root.resolve("incoming"));
        for (TranscriptionStore.StoredJob job : waiting) {
            enqueue(job.id());
        }
        if (!waiting.isEmpty()) {
            LOG.info("{} transcription jobs waiting from before are queued", waiting.size());
        }
    }

    /**
     * Keeps an uploaded recording and queues its transcription.
     *
     * @param owner    the uploader's 職員番号: only they see the job
     * @param language the meeting's language; its model must be installed
     * @param fileName the recording's name
     * @param body     the recording, read to its end or until it passes the limit
     * @throws SpeechToTextException     no model for the language (nothing is read or kept)
     * @throws RecordingRefusedException too large, not audio, empty or no converter (nothing is kept)
     */
    public TranscriptionJob submit(String owner, String language, String fileName, InputStream body)
            throws SpeechToTextException, RecordingRefusedException, IOException {
        LanguageModel model = engine.language(language);
        if (!model.installed()) {
            throw new SpeechToTextException(model.message());
        }
        Path incoming = root.resolve("incoming");
        Files.createDirectories(incoming);
        Path temp = Files.createTempFile(incoming, "upload-", ".part");
        try {
            long size = copyWithLimit(body, temp, fileName);
            if (size == 0) {
                throw new RecordingRefusedException(RecordingRefusedException.Refusal.EMPTY,
                        "「" + fileName + "」は空のファイルです (the upload is empty)");
            }
            Recordings.Recording recording = recordings.probe(temp, fileName);
            String id = UUID.randomUUID().toString();
            String storedName = "recording" + extension(fileName);
            Path directory = root.resolve(id);
            Files.createDirectories(directory);
            Files.move(temp, directory.resolve(storedName), StandardCopyOption.ATOMIC_MOVE);
            TranscriptionStore.StoredJob job = new TranscriptionStore.StoredJob(id, owner, language, fileName, storedName,
                    size, recording.seconds() > 0 ? Math.round(recording.seconds() * 1000) : null, JobState.WAITING, null,
                    null, null, clock.instant(), null, 0);
            try {
                database.inTransaction(c -> {
                    store.insert(c, job);
                    return null;
                });
            } catch (RuntimeException e) {
                removeTree(directory);
                throw e;
            }
            LOG.info("transcription {} queued: {} ({} bytes, {} s, {})", id, fileName, size,
                    String.format(Locale.ROOT, "%.1f", recording.seconds()), language);
            enqueue(id);
            return view(job, null);
        } finally {
            Files.deleteIfExists(temp);
        }
    }

    private long copyWithLimit(InputStream body, Path target, String fileName) throws IOException, RecordingRefusedException {
        long limit = settings.maxUploadBytes();
        long size = 0;
        byte[] buffer = new byte[1 << 16];
        try (OutputStream out = Files.newOutputStream(target)) {
            int read;
            while ((read = body.read(buffer)) >= 0) {
                size += read;
                if (size > limit) {
                    throw tooLarge(fileName, limit);
                }
                out.write(buffer, 0, read);
            }
        }
        return size;
    }

    /** The refusal of a recording over the limit. */
    public static RecordingRefusedException tooLarge(String fileName, long limit) {
        return new RecordingRefusedException(RecordingRefusedException.Refusal.TOO_LARGE, "録音「" + fileName + "」は上限の "
                + megabytes(limit) + " MB を超えています（MP3 や M4A に変換すると小さくなります） (the recording is larger"
                + " than the limit of " + limit + " bytes)");
    }

    private static long megabytes(long bytes) {
        return Math.max(1, bytes / (1024 * 1024));
    }

    private void enqueue(String id) {
        Running run = new Running();
        running.put(id, run);
        workers.execute(() -> work(id, run));
    }

    /** The person's job, with its live progress. */
    public Optional<TranscriptionJob> find(String owner, String id) {
        return database.inTransaction(c -> store.find(c, id)).filter(job -> job.owner().equals(owner))
                .map(job -> view(job, running.get(id)));
    }

    /** The person's jobs, newest first. */
    public List<TranscriptionJob> list(String owner) {
        return database.inTransaction(c -> store.ownedBy(c, owner)).stream().map(job -> view(job, running.get(job.id())))
                .toList();
    }

    /** The transcript of the person's finished job; empty when there is no such job, or it is not DONE. */
    public Optional<Transcription> transcript(String owner, String id) {
        return database.inTransaction(c -> {
            Optional<TranscriptionStore.StoredJob> job = store.find(c, id).filter(j -> j.owner().equals(owner));
            if (job.isEmpty() || job.get().state() != JobState.DONE) {
                return Optional.empty();
            }
            TranscriptionStore.StoredJob done = job.get();
            return Optional.of(new Transcription(id, done.fileName(), done.language(), done.durationSeconds(), done.note(),
                    store.segments(c, id)));
        });
    }

    /**
     * Cancels the person's job if it is not finished (waiting for the worker to stop, at most {@link #CANCEL_WAIT}),
     * and returns it; empty when there is no such job.
     */
    public Optional<TranscriptionJob> cancel(String owner, String id) {
        Optional<TranscriptionStore.StoredJob> job = database.inTransaction(c -> store.find(c, id))
                .filter(j -> j.owner().equals(owner));
        if (job.isEmpty()) {
            return Optional.empty();
        }
        Running run = running.get(id);
        if (run != null) {
            run.cancelled = true;
        }
        database.inTransaction(c -> store.move(c, id, JobState.WAITING, JobState.CANCELLED, clock.instant()));
        if (run != null) {
            try {
                run.done.await(CANCEL_WAIT.toMillis(), TimeUnit.MILLISECONDS);
            } catch (InterruptedException e) {
                Thread.currentThread().interrupt();
            }
        }
        return find(owner, id);
    }

    /**
     * Deletes the person's finished job: its row, its transcript and its recording. A job not yet finished is not
     * deleted (cancel it first).
     *
     * @throws RecordingInUseException 議事録 are played from its recording
     * @return empty when there is no such job; else whether it was deleted (false: it is still running)
     */
    public Optional<Boolean> delete(String owner, String id) {
        Optional<TranscriptionStore.StoredJob> job = database.inTransaction(c -> store.find(c, id))
                .filter(j -> j.owner().equals(owner));
        if (job.isEmpty()) {
            return Optional.empty();
        }
        if (!job.get().state().finished() || running.containsKey(id)) {
            return Optional.of(false);
        }
        database.inTransaction(c -> {
            List<String> playing = minutes.playing(c, id);
            if (!playing.isEmpty()) {
                throw new RecordingInUseException(playing);
            }
            store.delete(c, id);
            return null;
        });
        removeTree(root.resolve(id));
        LOG.info("transcription {} deleted with its recording", id);
        return Optional.of(true);
    }

    /** The directory a job keeps its recording in (tests look whether it is gone). */
    public Path directory(String id) {
        return root.resolve(id);
    }

    /**
     * Where a finished job keeps its recording as the engines were fed it (16 kHz mono 16-bit PCM), to be played
     * from the minutes made of it.
     *
     * @param root the directory of the recordings ({@code DATA/minutes})
     */
    static Path playable(Path root, String id) {
        return root.resolve(id).resolve(PLAYABLE);
    }

    private void work(String id, Running run) {
        try {
            if (closing || !database.inTransaction(c -> store.move(c, id, JobState.WAITING, JobState.CONVERTING,
                    clock.instant()))) {
                return;
            }
            transcribe(id, run);
        } catch (RuntimeException e) {
            LOG.error("transcription {} failed", id, e);
            failQuietly(id, "文字起こし中にサーバーでエラーが発生しました (" + e + ")");
        } finally {
            running.remove(id);
            run.done.countDown();
        }
    }

    private void transcribe(String id, Running run) {
        TranscriptionStore.StoredJob job = database.inTransaction(c -> store.find(c, id)).orElseThrow();
        Path directory = root.resolve(id);
        Path recording = directory.resolve(job.storedName());
        Path pcm = directory.resolve(PLAYABLE);
        boolean kept = false;
        try {
            Recordings.Recording probed = recordings.probe(recording, job.fileName());
            recordings.toPcm(probed, recording, job.fileName(), pcm, () -> run.cancelled || closing);
            if (!database.inTransaction(c -> store.move(c, id, JobState.CONVERTING, JobState.RECOGNISING, clock.instant()))) {
                return;
            }
            long total = Math.max(1, Files.size(pcm));
            long start = System.nanoTime();
            List<SpeechSegment> segments;
            try (InputStream in = new BufferedInputStream(Files.newInputStream(pcm), 1 << 16)) {
                segments = engine.transcribe(job.language(), in, new TranscriptionProgress() {
                    @Override
                    public void fed(long bytes) {
                        run.percent = (int) Math.min(100, bytes * 100 / total);
                    }

                    @Override
                    public boolean cancelled() {
                        return run.cancelled || closing;
                    }
                });
            }
            double seconds = total / (double) SpeechToText.BYTES_PER_SECOND;
            double realTimeFactor = (System.nanoTime() - start) / 1e9 / seconds;
            String note = segments.isEmpty() ? TranscriptionJob.NO_SPEECH : null;
            kept = database.inTransaction(c -> store.finish(c, id, segments, note, realTimeFactor, clock.instant()));
            if (kept) {
                LOG.info("transcription {} done: {} segments from {} s of audio, real-time factor {}", id, segments.size(),
                        String.format(Locale.ROOT, "%.1f", seconds), String.format(Locale.ROOT, "%.3f", realTimeFactor));
            }
        } catch (TranscriptionCancelledException e) {
            if (closing && !run.cancelled) {
                failQuietly(id, INTERRUPTED);
            } else {
                database.inTransaction(c -> store.move(c, id, JobState.CONVERTING, JobState.CANCELLED, clock.instant())
                        || store.move(c, id, JobState.RECOGNISING, JobState.CANCELLED, clock.instant()));
                LOG.info("transcription {} cancelled", id);
            }
        } catch (RecordingRefusedException | SpeechToTextException e) {
            LOG.info("transcription {} failed: {}", id, e.getMessage());
            failQuietly(id, e.getMessage());
        } catch (IOException e) {
            LOG.warn("transcription {} failed: {}", id, e.toString());
            failQuietly(id, "録音を読み書きできませんでした (" + e.getMessage() + ")");
        } finally {
            if (!kept) {
                try {
                    Files.deleteIfExists(pcm);
                } catch (IOException e) {
                    LOG.warn("could not remove {}: {}", pcm, e.toString());
                }
            }
        }
    }

    private void failQuietly(String id, String reason) {
        try {
            database.inTransaction(c -> store.fail(c, id, reason, clock.instant()));
        } catch (RuntimeException e) {
            LOG.warn("transcription {} could not be marked failed: {}", id, e.toString());
        }
    }

    private static TranscriptionJob view(TranscriptionStore.StoredJob job, Running run) {
        JobState state = job.state();
        int progress = state == JobState.DONE ? 100 : run != null && state == JobState.RECOGNISING ? run.percent : 0;
        return new TranscriptionJob(job.id(), job.fileName(), job.language(), state,
                TranscriptionJob.status(state, progress, job.reason()), progress, job.durationSeconds(),
                state == JobState.FAILED ? job.reason() : null, job.note(),
                state == JobState.DONE ? job.segments() : null, job.realTimeFactor(), job.createdAt(), job.finishedAt());
    }

    /** {@code .mp3} etc. of the name when it is a plain extension, else none. */
    private static String extension(String name) {
        int dot = name.lastIndexOf('.');
        String ext = dot < 0 ? "" : name.substring(dot).toLowerCase(Locale.ROOT);
        return ext.matches("\\.[a-z0-9]{1,8}") ? ext : "";
    }

    private static void removeTree(Path directory) {
        if (!Files.exists(directory)) {
            return;
        }
        try (Stream<Path> paths = Files.walk(directory)) {
            for (Path path : paths.sorted(Comparator.reverseOrder()).toList()) {
                Files.deleteIfExists(path);
            }
        } catch (IOException e) {
            LOG.warn("could not remove {}: {}", directory, e.toString());
        }
    }

    /** Stops the workers: a job in progress ends as 失敗（中断）; waiting ones stay waiting for the next start. */
    @Override
    public void close() {
        closing = true;
        workers.shutdown();
        try {
            if (!workers.awaitTermination(10, TimeUnit.SECONDS)) {
                LOG.warn("transcription workers did not stop within 10 s");
                workers.shutdownNow();
            }
        } catch (InterruptedException e) {
            Thread.currentThread().interrupt();
        }
        engine.close();
    }
}

package org.kairan.server.minutes;

import java.io.IOException;
import java.io.InputStream;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.TreeSet;
import java.util.concurrent.ConcurrentHashMap;

import org.slf4j.Logger;
import org.slf4j.LoggerFactory;
import org.vosk.LibVosk;
import org.vosk.LogLevel;
import org.vosk.Model;
import org.vosk.Recognizer;

import com.fasterxml.jackson.databind.ObjectMapper;

/**
 * Speech-to-text with Vosk (Kaldi) 0.3.45, offline: a model directory per language from the settings
 * ({@code kairan.stt.model.<language>}), loaded at first use and kept for every later recording (one model for the
 * whole office, shared by the workers: a Vosk model is read-only once loaded); a recogniser per recording with word
 * times on, fed {@value #CHUNK_BYTES}-byte chunks (⅛ s of audio) so that cancelling stops it at once.
 */
public final class VoskSpeechToText implements SpeechToText {

    private static final Logger LOG = LoggerFactory.getLogger(VoskSpeechToText.class);
    /** ⅛ s of 16 kHz 16-bit mono: the engine's progress and the cancel check come this often. */
    static final int CHUNK_BYTES = 4_000;

    private final Map<String, Path> directories;
    private final VoskResults results;
    private final Map<String, Model> loaded = new ConcurrentHashMap<>();
    private volatile boolean closed;

    public VoskSpeechToText(SpeechSettings settings, ObjectMapper mapper) {
        this.directories = settings.models();
        this.results = new VoskResults(mapper);
    }

    @Override
    public List<LanguageModel> languages() {
        TreeSet<String> codes = new TreeSet<>(directories.keySet());
        codes.add("ja");
        List<LanguageModel> all = new ArrayList<>();
        all.add(language("ja"));
        for (String code : codes) {
            if (!code.equals("ja")) {
                all.add(language(code));
            }
        }
        return all;
    }

    @Override
    public LanguageModel language(String language) {
        String name = LanguageNames.of(language);
        String setting = SpeechSettings.modelProperty(language);
        Path directory = directories.get(language);
        if (directory == null) {
            return new LanguageModel(language, name, false, setting, name + "の音声認識モデルがインストールされていません（管理者に "
                    + setting + " の設定を依頼してください）");
        }
        if (!looksLikeModel(directory)) {
            return new LanguageModel(language, name, false, setting, name + "の音声認識モデルが見つかりません: " + directory
                    + "（管理者に " + setting + " の設定の確認を依頼してください。Vosk のモデルのディレクトリを指定します）");
        }
        return new LanguageModel(language, name, true, setting, null);
    }

    /** A Vosk model directory has its acoustic model ({@code am/}) and its configuration ({@code conf/}). */
    private static boolean looksLikeModel(Path directory) {
        return Files.isDirectory(directory.resolve("am")) && Files.isDirectory(directory.resolve("conf"));
    }

    @Override
    public List<SpeechSegment> transcribe(String language, InputStream pcm, TranscriptionProgress progress)
            throws SpeechToTextException, TranscriptionCancelledException {
        Model model = model(language);
        List<SpeechSegment> segments = new ArrayList<>();
        try (Recognizer recognizer = new Recognizer(model, SAMPLE_RATE)) {
            recognizer.setWords(true);
            byte[] chunk = new byte[CHUNK_BYTES];
            long fed = 0;
            while (true) {
                if (progress.cancelled() || closed) {
                    throw new TranscriptionCancelledException();
                }
                int length = pcm.readNBytes(chunk, 0, chunk.length);
                if (length <= 0) {
                    break;
                }
                int even = length & ~1;
                if (even > 0 && recognizer.acceptWaveForm(chunk, even)) {
                    results.segment(recognizer.getResult()).ifPresent(segments::add);
                }
                fed += length;
                progress.fed(fed);
            }
            results.segment(recognizer.getFinalResult()).ifPresent(segments::add);
        } catch (IOException e) {
            throw new SpeechToTextException("音声を読み取れませんでした (" + e.getMessage() + ")", e);
        }
        return segments;
    }

    /** The language's model, loaded once. */
    private Model model(String language) throws SpeechToTextException {
        Model model = loaded.get(language);
        if (model != null) {
            return model;
        }
        synchronized (loaded) {
            model = loaded.get(language);
            if (model != null) {
                return model;
            }
            LanguageModel state = language(language);
            if (!state.installed()) {
                throw new SpeechToTextException(state.message());
            }
            Path directory = directories.get(language);
            long start = System.nanoTime();
            try {
                LibVosk.setLogLevel(LogLevel.WARNINGS);
                model = new Model(directory.toString());
            } catch (IOException | RuntimeException | UnsatisfiedLinkError e) {
                throw new SpeechToTextException(state.name() + "の音声認識モデルを読み込めません: " + directory + "（管理者に "
                        + state.setting() + " の設定の確認を依頼してください） (Vosk could not load the model: " + e.getMessage()
                        + ")", e);
            }
            LOG.info("speech model for {} loaded from {} in {} ms", language, directory, (System.nanoTime() - start) / 1_000_000);
            loaded.put(language, model);
            return model;
        }
    }

    @Override
    public void close() {
        closed = true;
        synchronized (loaded) {
            loaded.values().forEach(Model::close);
            loaded.clear();
        }
    }
}

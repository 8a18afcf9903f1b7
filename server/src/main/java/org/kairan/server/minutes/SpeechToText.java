package org.kairan.server.minutes;

import java.io.InputStream;
import java.util.List;

/**
 * An offline speech-to-text engine (Vosk first; whisper or another can take its place): one model per language,
 * installed once for the whole office on the server.
 */
public interface SpeechToText extends AutoCloseable {

    /** The sample rate of the PCM every engine is fed: 16 kHz, 16-bit signed little-endian, mono. */
    int SAMPLE_RATE = 16_000;
    /** Bytes of PCM per second of audio. */
    int BYTES_PER_SECOND = SAMPLE_RATE * 2;

    /** Every language the server knows of (Japanese always, and those with a configured model), installed or not. */
    List<LanguageModel> languages();

    /** The language's state: installed, or not with the message to show. */
    LanguageModel language(String language);

    /**
     * Transcribes a recording, fed to the engine chunk by chunk as it is read (a long meeting is never held in
     * memory); results come per utterance.
     *
     * @param language   ISO 639-1 code
     * @param pcm        16 kHz mono 16-bit little-endian PCM, read to its end
     * @param progress   told the bytes fed after each chunk; asked before each chunk whether to stop
     * @return the segments in time order; empty when nothing was said (silence, noise): never invented text
     * @throws SpeechToTextException           no model for the language, or it cannot be loaded, or the stream fails
     * @throws TranscriptionCancelledException when the progress said stop
     */
    List<SpeechSegment> transcribe(String language, InputStream pcm, TranscriptionProgress progress)
            throws SpeechToTextException, TranscriptionCancelledException;

    /** Frees the loaded models. */
    @Override
    void close();
}

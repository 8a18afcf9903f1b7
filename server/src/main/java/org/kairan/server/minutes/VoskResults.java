package org.kairan.server.minutes;

import java.util.ArrayList;
import java.util.List;
import java.util.Optional;

import com.fasterxml.jackson.core.JsonProcessingException;
import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;

/**
 * Vosk's JSON results ({@code {"result": [{"word", "start", "end", "conf"}…], "text": "…"}}, with words on) read as
 * {@link SpeechSegment}s. An utterance none of whose words the engine is sure of is noise, not speech: on white noise
 * the English model says 「huh」 with a confidence under 0.5, while words of real speech mostly come at 1.0 — so a
 * segment is kept only when one of its words reaches {@link #MIN_CONFIDENCE}.
 */
final class VoskResults {

    /** A segment whose every word is below this is dropped as noise (never invented text). */
    static final double MIN_CONFIDENCE = 0.6;

    private final ObjectMapper mapper;

    VoskResults(ObjectMapper mapper) {
        this.mapper = mapper;
    }

    /** The utterance of one result, or nothing when it holds no word (silence) or only unsure ones (noise). */
    Optional<SpeechSegment> segment(String json) throws SpeechToTextException {
        JsonNode root;
        try {
            root = mapper.readTree(json);
        } catch (JsonProcessingException e) {
            throw new SpeechToTextException("音声認識エンジンの結果を読み取れません (unreadable Vosk result: "
                    + e.getOriginalMessage() + ")", e);
        }
        JsonNode result = root.path("result");
        List<SpokenWord> words = new ArrayList<>();
        boolean sure = false;
        for (JsonNode word : result) {
            String text = word.path("word").asText("").strip();
            if (text.isEmpty()) {
                continue;
            }
            double confidence = word.path("conf").asDouble(1.0);
            words.add(new SpokenWord(text, word.path("start").asDouble(), word.path("end").asDouble(), confidence));
            sure |= confidence >= MIN_CONFIDENCE;
        }
        if (words.isEmpty() || !sure) {
            return Optional.empty();
        }
        String text = root.path("text").asText("").strip();
        if (text.isEmpty()) {
            text = String.join(" ", words.stream().map(SpokenWord::word).toList());
        }
        return Optional.of(new SpeechSegment("", words.getFirst().start(), words.getLast().end(), text, words));
    }
}

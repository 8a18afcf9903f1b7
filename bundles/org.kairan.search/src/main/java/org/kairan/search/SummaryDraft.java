package org.kairan.search;

import java.io.IOException;
import java.io.UncheckedIOException;
import java.util.ArrayList;
import java.util.Comparator;
import java.util.HashMap;
import java.util.HashSet;
import java.util.LinkedHashSet;
import java.util.List;
import java.util.Map;
import java.util.Set;

import org.apache.lucene.analysis.Analyzer;
import org.apache.lucene.analysis.TokenStream;
import org.apache.lucene.analysis.ja.tokenattributes.PartOfSpeechAttribute;
import org.apache.lucene.analysis.tokenattributes.CharTermAttribute;
import org.kairan.core.minutes.ActionItem;
import org.kairan.core.minutes.Decision;
import org.kairan.core.minutes.Minutes;
import org.kairan.core.minutes.MinutesUtterance;
import org.kairan.core.time.Wareki;
import org.kairan.search.internal.ContentWords;

/**
 * 要旨の下書き: a draft summary of 議事録 made on the desktop, offline, by extraction — the meeting's key sentences
 * (those densest in the words the meeting dwelt on, by the same Japanese analysis the search uses), in the order
 * they were said, none repeating another, then the 決定事項 and 対応事項. The user edits it; nothing is invented.
 */
public final class SummaryDraft {

    /** Key sentences a draft has at most, unless asked otherwise. */
    public static final int DEFAULT_SENTENCES = 5;
    /** Shorter sentences (greetings, 「はい」) are never key sentences. */
    static final int MIN_SENTENCE = 12;
    /** A sentence sharing more than this share of its words with one already chosen repeats it. */
    private static final double REPEATS = 0.5;

    private SummaryDraft() {
    }

    /** The draft 要旨 of the minutes, in lines. */
    public static String of(Minutes minutes, int maxSentences) {
        List<String> sentences = new ArrayList<>();
        for (MinutesUtterance u : minutes.utterances()) {
            for (String s : u.text().split("(?<=[。！？!?])|\\R")) {
                if (s.strip().length() >= MIN_SENTENCE) {
                    sentences.add(s.strip());
                }
            }
        }
        StringBuilder draft = new StringBuilder();
        keySentences(sentences, maxSentences).forEach(s -> draft.append(s).append('\n'));
        for (Decision d : minutes.decisions()) {
            draft.append("（決定）").append(d.text()).append('\n');
        }
        for (ActionItem a : minutes.actionItems()) {
            draft.append("（対応）").append(a.text());
            if (a.assignee() != null || a.due() != null) {
                draft.append("（").append(a.assignee() == null ? "" : "担当：" + a.assignee().name())
                        .append(a.assignee() != null && a.due() != null ? "、" : "")
                        .append(a.due() == null ? "" : "期限：" + Wareki.format(a.due())).append("）");
            }
            draft.append('\n');
        }
        return draft.toString().strip();
    }

    /** The key sentences among {@code sentences}, at most {@code max}, in their order. */
    static List<String> keySentences(List<String> sentences, int max) {
        List<Set<String>> words = new ArrayList<>();
        Map<String, Integer> frequency = new HashMap<>();
        Map<String, Integer> spread = new HashMap<>();
        try (Analyzer analyzer = ContentWords.analyzer()) {
            for (String sentence : sentences) {
                List<String> found = contentWords(analyzer, sentence);
                found.forEach(w -> frequency.merge(w, 1, Integer::sum));
                Set<String> distinct = new LinkedHashSet<>(found);
                distinct.forEach(w -> spread.merge(w, 1, Integer::sum));
                words.add(distinct);
            }
        }
        int n = sentences.size();
        List<Integer> byScore = new ArrayList<>();
        double[] score = new double[n];
        for (int i = 0; i < n; i++) {
            double sum = 0;
            for (String w : words.get(i)) {
                // a word the meeting dwelt on counts; one in every sentence says nothing
                sum += (frequency.get(w) - 1) * Math.log(1.0 + (double) n / spread.get(w));
            }
            score[i] = words.get(i).isEmpty() ? 0 : sum / Math.sqrt(words.get(i).size());
            byScore.add(i);
        }
        byScore.sort(Comparator.comparingDouble((Integer i) -> -score[i]).thenComparingInt(i -> i));
        List<Integer> chosen = new ArrayList<>();
        for (int i : byScore) {
            if (chosen.size() >= max || score[i] <= 0) {
                break;
            }
            if (chosen.stream().noneMatch(k -> overlap(words.get(i), words.get(k)) > REPEATS)) {
                chosen.add(i);
            }
        }
        return chosen.stream().sorted().map(sentences::get).toList();
    }

    private static double overlap(Set<String> a, Set<String> b) {
        if (a.isEmpty()) {
            return 0;
        }
        Set<String> shared = new HashSet<>(a);
        shared.retainAll(b);
        return (double) shared.size() / Math.min(a.size(), b.size());
    }

    private static List<String> contentWords(Analyzer analyzer, String sentence) {
        List<String> found = new ArrayList<>();
        try (TokenStream stream = analyzer.tokenStream("words", sentence)) {
            CharTermAttribute term = stream.addAttribute(CharTermAttribute.class);
            PartOfSpeechAttribute pos = stream.addAttribute(PartOfSpeechAttribute.class);
            stream.reset();
            while (stream.incrementToken()) {
                if (ContentWords.isContent(pos.getPartOfSpeech(), term.toString())) {
                    found.add(term.toString());
                }
            }
            stream.end();
        } catch (IOException e) {
            throw new UncheckedIOException(e); // a StringReader does not fail
        }
        return found;
    }
}

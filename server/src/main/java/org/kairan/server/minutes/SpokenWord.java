package org.kairan.server.minutes;

/**
 * One word the engine recognised, with its place in the recording.
 *
 * @param word       as the engine wrote it
 * @param start      seconds from the recording's start
 * @param end        seconds from the recording's start
 * @param confidence the engine's confidence, 0–1
 */
public record SpokenWord(String word, double start, double end, double confidence) {
}

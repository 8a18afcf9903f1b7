package org.kairan.ui;

import java.util.Arrays;
import java.util.List;

/**
 * The page and the words of a search hit as they travel in the string parameters of an e4 command (the search view
 * opening a document or a 決裁 in another tab): written by the search view, read by each tab's handler.
 */
public final class HitParameters {

    private HitParameters() {
    }

    /** The words to highlight, one a line. */
    public static String words(List<String> words) {
        return String.join("\n", words);
    }

    /** The words asked for, one a line, blank lines left out; none when the parameter is absent. */
    public static List<String> words(String parameter) {
        return parameter == null ? List.of()
                : Arrays.stream(parameter.split("\n")).map(String::strip).filter(w -> !w.isEmpty()).toList();
    }

    /** The 1-based page asked for; 1 when none or not a number. */
    public static int page(String parameter) {
        try {
            return parameter == null ? 1 : Math.max(1, Integer.parseInt(parameter.strip()));
        } catch (NumberFormatException e) {
            return 1;
        }
    }
}

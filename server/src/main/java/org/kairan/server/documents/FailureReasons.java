package org.kairan.server.documents;

import java.time.Instant;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.TreeSet;
import java.util.stream.Collectors;

import org.kairan.core.documents.ExtractionFailure;
import org.kairan.core.documents.ExtractionState;
import org.kairan.core.documents.ExtractionStatus;

/**
 * The status of a version some of whose pages could not be read or OCR'd: FAILED, with the most telling
 * failure as its code and a Japanese reason naming the pages (the other pages' text is kept and published).
 */
final class FailureReasons {

    /** Which failure names the whole version when pages failed differently: what the reader can act on first. */
    private static final List<ExtractionFailure> PRIORITY = List.of(ExtractionFailure.OCR_UNAVAILABLE,
            ExtractionFailure.OCR_DISABLED, ExtractionFailure.OCR_TIMEOUT, ExtractionFailure.OCR_FAILED,
            ExtractionFailure.CORRUPT);
    private static final int PAGES_NAMED = 10;

    private FailureReasons() {
    }

    /**
     * @param details the reason each failure had on this run (a reason from before a restart is not known, a
     *                general one is given)
     */
    static ExtractionStatus partial(PageStore.Summary summary, int processed, int total,
            Map<ExtractionFailure, String> details, Instant now, DocumentSettings settings) {
        Map<ExtractionFailure, TreeSet<Integer>> problems = summary.problems();
        ExtractionFailure main = PRIORITY.stream().filter(problems::containsKey).findFirst()
                .orElse(problems.keySet().iterator().next());
        List<String> sentences = new ArrayList<>();
        List<String> english = new ArrayList<>();
        for (ExtractionFailure failure : PRIORITY) {
            TreeSet<Integer> pages = problems.get(failure);
            if (pages == null) {
                continue;
            }
            String named = pages(pages);
            sentences.add(switch (failure) {
                case CORRUPT -> named + "を読めません（壊れています）";
                case OCR_FAILED -> named + "のOCRに失敗しました";
                case OCR_TIMEOUT -> named + "のOCRが" + TesseractOcr.inJapanese(settings.ocrTimeout()) + "以内に終わりませんでした";
                case OCR_UNAVAILABLE -> named + "は文字情報がなく、OCRを使えません"
                        + (details.containsKey(failure) ? "（" + details.get(failure) + "）" : "");
                case OCR_DISABLED -> named + "は文字情報がありませんが、OCRが無効に設定されています（kairan.documents.ocr）";
                default -> named + "を読めません";
            });
            english.add(failure + " on page" + (pages.size() > 1 ? "s " : " ")
                    + pages.stream().limit(PAGES_NAMED).map(String::valueOf).collect(Collectors.joining(", "))
                    + (pages.size() > PAGES_NAMED ? " …" : ""));
        }
        String reason = String.join("。", sentences) + "。"
                + (summary.pagesDone() > 0 ? "ほかのページの文字は取り出しました。" : "")
                + " (" + String.join("; ", english) + ")";
        return new ExtractionStatus(ExtractionState.FAILED, processed, total, summary.ocrPages(), main,
                LibraryStore.clip(reason, 1000), now);
    }

    /** 3・7・12ページ目, or the first ten and how many more. */
    static String pages(TreeSet<Integer> pages) {
        String first = pages.stream().limit(PAGES_NAMED).map(String::valueOf).collect(Collectors.joining("・"));
        return first + "ページ目" + (pages.size() > PAGES_NAMED ? "ほか" + (pages.size() - PAGES_NAMED) + "ページ" : "");
    }
}

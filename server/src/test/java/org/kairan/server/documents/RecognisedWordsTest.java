package org.kairan.server.documents;

import static org.junit.jupiter.api.Assertions.assertEquals;

import java.awt.Dimension;
import java.util.List;

import org.junit.jupiter.api.Test;
import org.kairan.core.documents.PageWords;

/** Tesseract's TSV read as words, and their boxes placed on the page (the OCR itself: {@link OcrWordsTest}). */
class RecognisedWordsTest {

    @Test
    void onlyWordRowsWithTextAndAConfidenceAreWords() {
        String tsv = String.join("\n",
                "level\tpage_num\tblock_num\tpar_num\tline_num\tword_num\tleft\ttop\twidth\theight\tconf\ttext",
                "1\t1\t0\t0\t0\t0\t0\t0\t2480\t3508\t-1\t",
                "4\t1\t1\t1\t1\t0\t250\t236\t900\t90\t-1\t",
                "5\t1\t1\t1\t1\t1\t250\t261\t396\t59\t96.816223\t道路",
                "5\t1\t1\t1\t1\t2\t373\t236\t98\t90\t95.397690\t占用",
                "5\t1\t1\t1\t1\t3\t480\t236\t40\t90\t-1\t ",
                "5\t1\t1\t1\t1\t4\t520\t236\t40\t90\t12.5\t ");
        assertEquals(List.of(new RecognisedWords.PixelBox("道路", 250, 261, 396, 59),
                new RecognisedWords.PixelBox("占用", 373, 236, 98, 90)), RecognisedWords.parse(tsv),
                "pages, blocks and lines are not words, nor are rows without text");
    }

    @Test
    void aBoxIsScaledToPointsAndTurnedBackAboutTheImagesCentre() {
        List<RecognisedWords.PixelBox> box = List.of(new RecognisedWords.PixelBox("令和", 10, 0, 20, 10));
        assertEquals(new PageWords(1, 200, 200, List.of(new PageWords.Word("令和", 20, 0, 40, 20))),
                RecognisedWords.placed(1, box, new Dimension(100, 100), 0, 200, 200), "not turned: only scaled");
        // turned straight by 90° for the sake of the arithmetic: (x, y) comes back at (100 − y, x)
        assertEquals(new PageWords(1, 200, 200, List.of(new PageWords.Word("令和", 180, 20, 20, 40))),
                RecognisedWords.placed(1, box, new Dimension(100, 100), 90, 200, 200),
                "the box is turned back by the angle the image was straightened by");
    }
}

package org.kairan.library.ui.internal;

import static org.junit.jupiter.api.Assertions.assertEquals;

import java.nio.file.Files;
import java.nio.file.Path;
import java.util.List;

import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/** A dropped folder files every file in it and its sub-folders, hidden ones left out; dropped files as they are. */
class DroppedFilesTest {

    @TempDir
    Path temp;

    @Test
    void foldersAreRecursedIntoAndHiddenFilesLeftOut() throws Exception {
        Path folder = Files.createDirectories(temp.resolve("令和8年度"));
        Files.writeString(folder.resolve("予算編成方針.pdf"), "%PDF");
        Files.writeString(folder.resolve(".~lock.予算.pdf#"), "lock");
        Path sub = Files.createDirectories(folder.resolve("スキャン"));
        Files.writeString(sub.resolve("申請書.tif"), "II*");
        Path hiddenFolder = Files.createDirectories(folder.resolve(".thumbnails"));
        Files.writeString(hiddenFolder.resolve("thumb.png"), "png");
        Path single = Files.writeString(temp.resolve("議事録.pdf"), "%PDF");

        assertEquals(List.of(folder.resolve("スキャン").resolve("申請書.tif"), folder.resolve("予算編成方針.pdf"), single),
                DroppedFiles.expand(List.of(folder, single)),
                "the folder's files, sub-folders included, hidden files and folders left out, then the file dropped");
    }

    @Test
    void aHiddenFileDroppedOnItsOwnIsLeftOutToo() throws Exception {
        Path hidden = Files.writeString(temp.resolve(".DS_Store"), "x");
        assertEquals(List.of(), DroppedFiles.expand(List.of(hidden)));
    }
}

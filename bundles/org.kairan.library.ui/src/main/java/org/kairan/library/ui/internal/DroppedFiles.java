package org.kairan.library.ui.internal;

import java.io.IOException;
import java.nio.file.FileVisitResult;
import java.nio.file.Files;
import java.nio.file.Path;
import java.nio.file.SimpleFileVisitor;
import java.nio.file.attribute.BasicFileAttributes;
import java.util.ArrayList;
import java.util.Collection;
import java.util.List;

/**
 * What files and folders dropped (or chosen) become: every regular file, folders recursed into (sub-folders too,
 * in name order), hidden files and folders left out (a name starting with a dot, or hidden by the system), links
 * not followed out of the folder.
 */
final class DroppedFiles {

    private DroppedFiles() {
    }

    static List<Path> expand(Collection<Path> dropped) throws IOException {
        List<Path> files = new ArrayList<>();
        for (Path path : dropped) {
            if (Files.isDirectory(path)) {
                List<Path> inFolder = new ArrayList<>();
                Files.walkFileTree(path, new SimpleFileVisitor<>() {
                    @Override
                    public FileVisitResult preVisitDirectory(Path dir, BasicFileAttributes attrs) throws IOException {
                        return !dir.equals(path) && hidden(dir) ? FileVisitResult.SKIP_SUBTREE : FileVisitResult.CONTINUE;
                    }

                    @Override
                    public FileVisitResult visitFile(Path file, BasicFileAttributes attrs) throws IOException {
                        if (attrs.isRegularFile() && !hidden(file)) {
                            inFolder.add(file);
                        }
                        return FileVisitResult.CONTINUE;
                    }

                    @Override
                    public FileVisitResult visitFileFailed(Path file, IOException e) {
                        return FileVisitResult.CONTINUE; // an unreadable entry is left out, the rest is filed
                    }
                });
                inFolder.sort(null);
                files.addAll(inFolder);
            } else if (Files.isRegularFile(path) && !hidden(path)) {
                files.add(path);
            }
        }
        return files;
    }

    static boolean hidden(Path path) {
        Path name = path.getFileName();
        if (name != null && name.toString().startsWith(".")) {
            return true;
        }
        try {
            return Files.isHidden(path);
        } catch (IOException e) {
            return false;
        }
    }
}

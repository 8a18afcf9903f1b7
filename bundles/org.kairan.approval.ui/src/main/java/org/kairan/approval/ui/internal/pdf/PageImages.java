package org.kairan.approval.ui.internal.pdf;

import java.util.ArrayList;
import java.util.Comparator;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import java.util.function.ObjIntConsumer;

import org.eclipse.swt.graphics.Image;

/**
 * The rendered pages the viewer holds, at most one image per page (the newest width; an older width is
 * still drawn, stretched, until the new one arrives). Bounded by a number of pages and of pixels: pages
 * farthest from the one being read go first, pages in view never. UI thread only; every image it lets go
 * of is disposed.
 */
public final class PageImages {

    /** Pages kept at most (besides those in view). */
    public static final int MAX_PAGES = 12;
    /** Pixels kept at most (besides those in view): about 128 MB of native image memory. */
    public static final long MAX_PIXELS = 32L * 1024 * 1024;

    private record Entry(Image image, int width) {
        long pixels() {
            var bounds = image.getBounds();
            return (long) bounds.width * bounds.height;
        }
    }

    private final Map<Integer, Entry> images = new HashMap<>();
    private final ObjIntConsumer<Integer> released;

    /** @param released told (page, width) whenever an image is let go of, so it is rendered again when needed */
    public PageImages(ObjIntConsumer<Integer> released) {
        this.released = released;
    }

    /** The image of a page (0-based), or null. */
    public Image image(int page) {
        Entry entry = images.get(page);
        return entry == null ? null : entry.image();
    }

    /** The width the page's image was rendered for, or -1. */
    public int width(int page) {
        Entry entry = images.get(page);
        return entry == null ? -1 : entry.width();
    }

    public int size() {
        return images.size();
    }

    /** Keeps a newly rendered image, replacing (and disposing) the page's older one. */
    public void put(int page, int width, Image image) {
        Entry old = images.put(page, new Entry(image, width));
        if (old != null) {
            release(page, old);
        }
    }

    /**
     * Lets go of pages until at most {@link #MAX_PAGES} and {@link #MAX_PIXELS} remain, farthest from
     * {@code current} first, never one of {@code first..last} (the pages in view).
     */
    public void trim(int current, int first, int last) {
        long pixels = images.values().stream().mapToLong(Entry::pixels).sum();
        List<Integer> candidates = new ArrayList<>(images.keySet());
        candidates.removeIf(page -> page >= first && page <= last);
        candidates.sort(Comparator.comparingInt((Integer page) -> Math.abs(page - current)).reversed());
        for (int page : candidates) {
            if (images.size() <= MAX_PAGES && pixels <= MAX_PIXELS) {
                return;
            }
            Entry entry = images.remove(page);
            pixels -= entry.pixels();
            release(page, entry);
        }
    }

    /** Disposes every image. */
    public void clear() {
        images.forEach(this::release);
        images.clear();
    }

    private void release(int page, Entry entry) {
        entry.image().dispose();
        released.accept(page, entry.width());
    }
}

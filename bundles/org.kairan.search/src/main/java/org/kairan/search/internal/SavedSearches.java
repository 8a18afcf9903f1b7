package org.kairan.search.internal;

import java.io.IOException;
import java.io.UncheckedIOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.nio.file.StandardCopyOption;
import java.util.ArrayList;
import java.util.List;
import java.util.logging.Level;
import java.util.logging.Logger;

import org.kairan.search.SavedSearch;

import com.fasterxml.jackson.core.type.TypeReference;
import com.fasterxml.jackson.databind.DeserializationFeature;
import com.fasterxml.jackson.databind.ObjectMapper;
import com.fasterxml.jackson.databind.SerializationFeature;
import com.fasterxml.jackson.datatype.jsr310.JavaTimeModule;

/**
 * The saved searches of one person, as JSON in their workspace directory. Written to a new file and moved
 * over the old one, so a crash leaves one or the other; a file that cannot be read is set aside (renamed
 * {@code .damaged}) and the list starts empty.
 */
final class SavedSearches {

    private static final Logger LOG = Logger.getLogger(SavedSearches.class.getName());
    static final String FILE = "saved-searches.json";

    private final ObjectMapper json = new ObjectMapper().registerModule(new JavaTimeModule())
            .disable(SerializationFeature.WRITE_DATES_AS_TIMESTAMPS)
            .disable(DeserializationFeature.FAIL_ON_UNKNOWN_PROPERTIES)
            .enable(SerializationFeature.INDENT_OUTPUT);
    private final Path file;

    SavedSearches(Path userDirectory) {
        this.file = userDirectory.resolve(FILE);
    }

    synchronized List<SavedSearch> all() {
        if (!Files.exists(file)) {
            return List.of();
        }
        try {
            return List.copyOf(json.readValue(file.toFile(), new TypeReference<List<SavedSearch>>() { }));
        } catch (IOException | RuntimeException e) {
            LOG.log(Level.WARNING, "the saved searches in " + file + " cannot be read; they are set aside", e);
            try {
                Files.move(file, file.resolveSibling(FILE + ".damaged"), StandardCopyOption.REPLACE_EXISTING);
            } catch (IOException moved) {
                e.addSuppressed(moved);
            }
            return List.of();
        }
    }

    synchronized void save(SavedSearch search) {
        List<SavedSearch> next = new ArrayList<>(all());
        next.removeIf(s -> s.name().equals(search.name()));
        next.add(search);
        write(next);
    }

    synchronized void forget(String name) {
        List<SavedSearch> next = new ArrayList<>(all());
        if (next.removeIf(s -> s.name().equals(name.strip()))) {
            write(next);
        }
    }

    private void write(List<SavedSearch> searches) {
        try {
            Path temp = file.resolveSibling(FILE + ".new");
            json.writeValue(temp.toFile(), searches);
            Files.move(temp, file, StandardCopyOption.REPLACE_EXISTING, StandardCopyOption.ATOMIC_MOVE);
        } catch (IOException e) {
            throw new UncheckedIOException("the saved searches cannot be written to " + file, e);
        }
    }
}

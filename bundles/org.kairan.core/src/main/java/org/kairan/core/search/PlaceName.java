package org.kairan.core.search;

import java.util.Objects;

/**
 * A place of the city as it is written and as the city reads it: 上里 read かみさと, 大字上里 read おおあざかみさと.
 *
 * @param written how it is written (表記)
 * @param reading how the city reads it (よみ), in かな
 */
public record PlaceName(String written, String reading) {

    public PlaceName {
        Objects.requireNonNull(written, "written");
        Objects.requireNonNull(reading, "reading");
    }
}

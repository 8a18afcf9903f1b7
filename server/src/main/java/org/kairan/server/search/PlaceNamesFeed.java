package org.kairan.server.search;

import java.sql.Connection;
import java.sql.PreparedStatement;
import java.sql.ResultSet;
import java.sql.SQLException;

import org.kairan.core.search.PlaceNames;
import org.kairan.core.sync.EntityTypes;
import org.kairan.server.sync.Audience;
import org.kairan.server.sync.ChangeFeed;
import org.kairan.server.sync.FeedEntry;

import com.fasterxml.jackson.core.JsonProcessingException;
import com.fasterxml.jackson.databind.ObjectMapper;

/**
 * The city's place names with their readings ({@code kairan.search.placeNames}) in the change feed, one record
 * that every member of staff receives: each desktop's search reads the places as the city does. A city that never
 * configured a list has no record; one that removes its list gets an empty one, so that desktops stop using it.
 */
public final class PlaceNamesFeed {

    private final ChangeFeed feed;
    private final ObjectMapper mapper;
    private final PlaceNames names;

    public PlaceNamesFeed(ChangeFeed feed, ObjectMapper mapper, PlaceNames names) {
        this.feed = feed;
        this.mapper = mapper;
        this.names = names;
    }

    /** Puts the list into the feed when it differs from the last one published (at every start). */
    public boolean publish(Connection c) throws SQLException {
        String data;
        try {
            data = mapper.writeValueAsString(names);
        } catch (JsonProcessingException e) {
            throw new IllegalStateException("the place names could not be written as JSON", e);
        }
        String last = lastPublished(c);
        if (last == null ? !names.hasNames() : last.equals(data)) {
            return false;
        }
        feed.append(c, FeedEntry.upsert(EntityTypes.PLACE_NAMES, PlaceNames.FEED_ID, Audience.ALL, data));
        return true;
    }

    private static String lastPublished(Connection c) throws SQLException {
        try (PreparedStatement ps = c.prepareStatement("SELECT data FROM change_feed WHERE entity_type = ?"
                + " ORDER BY seq DESC LIMIT 1")) {
            ps.setString(1, EntityTypes.PLACE_NAMES);
            try (ResultSet rs = ps.executeQuery()) {
                return rs.next() ? rs.getString(1) : null;
            }
        }
    }
}

package org.kairan.server.kessai;

import java.sql.Connection;
import java.sql.PreparedStatement;
import java.sql.ResultSet;
import java.sql.SQLException;
import java.time.Clock;
import java.time.LocalDate;
import java.time.ZoneId;
import java.util.List;

import org.kairan.core.kessai.CommandChain;
import org.kairan.core.kessai.KessaiSettings;
import org.kairan.core.kessai.KessaiStatus;
import org.kairan.core.organisation.OrganisationDirectory;
import org.kairan.core.sync.EntityTypes;
import org.kairan.server.directory.DirectoryCache;
import org.kairan.server.files.FileStore;
import org.kairan.server.storage.Database;
import org.kairan.server.sync.Audience;
import org.kairan.server.sync.ChangeFeed;
import org.kairan.server.sync.CommandHandler;
import org.kairan.server.sync.CommandPayload;
import org.kairan.server.sync.FeedEntry;

import com.fasterxml.jackson.core.JsonProcessingException;
import com.fasterxml.jackson.databind.ObjectMapper;

/**
 * The 電子決裁 part of the server, put together: its commands, the settings every desktop receives
 * through the feed, and the hourly refresh of 代決者 (a 不在 that starts today).
 */
public final class KessaiModule {

    private final Database database;
    private final ChangeFeed feed;
    private final ObjectMapper mapper;
    private final DirectoryCache directory;
    private final Clock clock;
    private final KessaiParts parts;

    public KessaiModule(Database database, ChangeFeed feed, ObjectMapper mapper, DirectoryCache directory,
            FileStore files, KessaiSettings settings, ZoneId zone, Clock clock, DecisionListener decided) {
        this.database = database;
        this.feed = feed;
        this.mapper = mapper;
        this.directory = directory;
        this.clock = clock;
        AbsenceStore absences = new AbsenceStore(feed, mapper);
        this.parts = new KessaiParts(new KessaiStore(feed, mapper), settings, CommandChain.standard(),
                new DocumentNumbers(settings.numberFormat()), absences, new StandIns(absences, settings.substitutes()),
                files, new CommandPayload(mapper), decided, zone);
    }

    public KessaiStore store() {
        return parts.store();
    }

    public KessaiSettings settings() {
        return parts.settings();
    }

    /** The sync commands of 電子決裁 and 不在. */
    public List<CommandHandler> commands() {
        return List.of(new SaveKessaiDraftCommand(parts), new ActOnKessaiCommand(parts, database),
                new AttachToKessaiCommand(parts), new SetAbsenceCommand(parts));
    }

    /** Puts the settings into the feed when they differ from the last ones published (at every start). */
    public boolean publishSettings(Connection c) throws SQLException {
        String data;
        try {
            data = mapper.writeValueAsString(parts.settings());
        } catch (JsonProcessingException e) {
            throw new IllegalStateException("the 決裁 settings could not be written as JSON", e);
        }
        try (PreparedStatement ps = c.prepareStatement("SELECT data FROM change_feed WHERE entity_type = ?"
                + " ORDER BY seq DESC LIMIT 1")) {
            ps.setString(1, EntityTypes.KESSAI_SETTINGS);
            try (ResultSet rs = ps.executeQuery()) {
                if (rs.next() && data.equals(rs.getString(1))) {
                    return false;
                }
            }
        }
        feed.append(c, FeedEntry.upsert(EntityTypes.KESSAI_SETTINGS, KessaiSettings.FEED_ID, Audience.ALL, data));
        return true;
    }

    /**
     * Brings the 代決者 of every 案件 on its route up to date for today (a 不在 set in advance starts, one
     * ends); returns how many changed.
     */
    public int refreshStandIns() {
        return database.inTransaction(c -> {
            OrganisationDirectory organisation = directory.directory(c);
            LocalDate today = LocalDate.ofInstant(clock.instant(), parts.zone());
            int changed = 0;
            for (KessaiStore.Stored listed : parts.store().inStatus(c, KessaiStatus.IN_ROUTE)) {
                if (parts.refreshStandIns(c, listed.kessai().id(), organisation, today, clock.instant())) {
                    changed++;
                }
            }
            return changed;
        });
    }
}

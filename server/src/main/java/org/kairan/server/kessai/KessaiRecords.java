package org.kairan.server.kessai;

import java.sql.Connection;
import java.sql.PreparedStatement;
import java.sql.ResultSet;
import java.sql.SQLException;
import java.time.Instant;
import java.time.LocalDate;
import java.time.OffsetDateTime;
import java.time.ZoneId;
import java.time.ZoneOffset;
import java.util.ArrayList;
import java.util.List;
import java.util.Optional;

import org.kairan.core.files.StoredFile;
import org.kairan.core.kessai.DocumentClass;
import org.kairan.core.kessai.Kessai;
import org.kairan.core.kessai.KessaiSettings;
import org.kairan.core.kessai.RetentionItem;
import org.kairan.core.kessai.RetentionList.Disposition;
import org.kairan.core.organisation.Role;
import org.kairan.core.protocol.SessionUser;
import org.kairan.server.directory.DirectoryCache;
import org.kairan.server.files.FileStore;
import org.kairan.server.login.SessionUsers;
import org.kairan.server.storage.Database;
import org.kairan.server.sync.Audience;
import org.kairan.server.sync.SyncScope;

/**
 * Reading 決裁 outside the feed, with the same visibility: one 案件 by id, a file it names, the 決裁簿 of a
 * 課, and the 保存年限 list with its 廃棄・移管・継続 decisions. Who may not see a 案件 learns nothing of it —
 * not even that it exists.
 */
public final class KessaiRecords {

    private final Database database;
    private final KessaiStore store;
    private final FileStore files;
    private final DirectoryCache directory;
    private final SessionUsers users;
    private final KessaiSettings settings;
    private final ZoneId zone;

    public KessaiRecords(Database database, KessaiModule module, FileStore files, DirectoryCache directory,
            SessionUsers users, ZoneId zone) {
        this.database = database;
        this.store = module.store();
        this.files = files;
        this.directory = directory;
        this.users = users;
        this.settings = module.settings();
        this.zone = zone;
    }

    private SyncScope scope(Connection c, SessionUser user) throws SQLException {
        return SyncScope.of(directory.directory(c), user.staffNo(), users.today());
    }

    /** The 案件 if the user may see it. */
    public Optional<Kessai> visible(SessionUser user, String id) {
        return database.inTransaction(c -> {
            SyncScope scope = scope(c, user);
            return store.find(c, id).filter(s -> scope.sees(s.audience())).map(KessaiStore.Stored::kessai);
        });
    }

    /** Whether the user may download the file: they uploaded it, or may see a 案件 that names it. */
    public boolean mayDownload(SessionUser user, String sha256) {
        return database.inTransaction(c -> {
            if (files.uploadedBy(c, sha256, user.staffNo())) {
                return true;
            }
            SyncScope scope = scope(c, user);
            return store.audiencesNaming(c, sha256).stream().anyMatch(scope::sees);
        });
    }

    /** What the server knows of a kept file. */
    public Optional<StoredFile> describe(String sha256) {
        return database.inTransaction(c -> files.describe(c, sha256));
    }

    /**
     * Whether the user may read the 決裁簿 of the 課: those with rights over it (課長 and above) and
     * administrators.
     */
    public boolean mayReadRegister(SessionUser user, String divisionCode) {
        return user.has(Role.ADMIN) || database.inTransaction(c -> {
            SyncScope scope = scope(c, user);
            return directory.directory(c).pathTo(divisionCode).stream()
                    .anyMatch(unit -> scope.sees(Audience.manages(unit.code())));
        });
    }

    /** The 決裁簿 of a 課 for the days {@code from}–{@code to} (inclusive), as CSV bytes. */
    public byte[] register(String divisionCode, LocalDate from, LocalDate to, boolean shiftJis) {
        Instant start = from.atStartOfDay(zone).toInstant();
        Instant end = to.plusDays(1).atStartOfDay(zone).toInstant();
        List<Kessai> closed = database.inTransaction(c -> store.closedIn(c, divisionCode, start, end));
        return KessaiRegister.encode(new KessaiRegister(settings, zone).csv(closed), shiftJis);
    }

    /** Decided 案件 whose 保存年限 ended before {@code asOf} and that await a decision, oldest first. */
    public List<RetentionItem> pastRetention(LocalDate asOf) {
        return database.inTransaction(c -> {
            List<RetentionItem> items = new ArrayList<>();
            for (Kessai k : store.decidedBefore(c, asOf)) {
                Optional<DocumentClass> type = settings.documentClass(k.classification());
                LocalDate decided = LocalDate.ofInstant(k.decidedAt(), zone);
                LocalDate keptUntil = type.map(t -> t.keptUntil(decided)).orElse(null);
                Optional<Decision> decision = decision(c, k.id());
                if (decision.isPresent()) {
                    if (decision.get().disposition() != Disposition.EXTEND) {
                        continue;
                    }
                    keptUntil = decision.get().keptUntil();
                }
                if (keptUntil != null && keptUntil.isBefore(asOf)) {
                    items.add(new RetentionItem(k.id(), k.documentNumber(), k.title(), k.divisionCode(),
                            k.classification(), type.get().retentionLabel(), decided, keptUntil));
                }
            }
            return items;
        });
    }

    private record Decision(Disposition disposition, LocalDate keptUntil) {
    }

    private static Optional<Decision> decision(Connection c, String id) throws SQLException {
        try (PreparedStatement ps = c.prepareStatement("SELECT decision, kept_until FROM retention_decision WHERE kessai_id = ?")) {
            ps.setString(1, id);
            try (ResultSet rs = ps.executeQuery()) {
                return rs.next() ? Optional.of(new Decision(Disposition.valueOf(rs.getString(1)),
                        rs.getObject(2, LocalDate.class))) : Optional.empty();
            }
        }
    }

    /**
     * Records 廃棄, 移管 or 継続 (until {@code keptUntil}) of a 案件 past its 保存年限.
     *
     * @return whether the 案件 exists and is decided
     */
    public boolean decide(SessionUser by, String id, Disposition disposition, LocalDate keptUntil, Instant now) {
        return database.inTransaction(c -> {
            Optional<KessaiStore.Stored> found = store.find(c, id);
            if (found.isEmpty() || found.get().kessai().decidedAt() == null) {
                return false;
            }
            try (PreparedStatement delete = c.prepareStatement("DELETE FROM retention_decision WHERE kessai_id = ?")) {
                delete.setString(1, id);
                delete.executeUpdate();
            }
            try (PreparedStatement ps = c.prepareStatement("INSERT INTO retention_decision (kessai_id, decision, kept_until,"
                    + " decided_by, decided_at) VALUES (?, ?, ?, ?, ?)")) {
                ps.setString(1, id);
                ps.setString(2, disposition.name());
                ps.setObject(3, keptUntil);
                ps.setString(4, by.staffNo());
                ps.setObject(5, OffsetDateTime.ofInstant(now, ZoneOffset.UTC));
                ps.executeUpdate();
            }
            return true;
        });
    }
}

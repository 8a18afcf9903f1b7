package org.kairan.server.directory;

import java.util.ArrayList;
import java.util.Comparator;
import java.util.List;

import org.kairan.core.organisation.Assignment;
import org.kairan.core.organisation.AssignmentKind;
import org.kairan.core.protocol.TransferRequest;
import org.kairan.server.audit.AuditActor;
import org.kairan.server.audit.AuditLog;
import org.kairan.server.http.ApiException;
import org.kairan.server.storage.Database;
import org.kairan.server.sync.DirectoryFeed;

/**
 * 人事異動: applies a batch of transfers together or not at all. A new 本務 ends the person's previous
 * 本務 the day before its 発令日; a 兼務 is added beside it. What changed goes into the change feed and
 * each transfer is audited, in the same transaction.
 */
public final class TransferService {

    private final Database database;
    private final OrganisationStore store;
    private final AuditLog audit;
    private final DirectoryFeed feed;
    private final Runnable afterTransfer;

    public TransferService(Database database, OrganisationStore store, AuditLog audit, DirectoryFeed feed) {
        this(database, store, audit, feed, () -> { });
    }

    /** @param afterTransfer run once transfers that changed something are committed (business chat's 課 rooms) */
    public TransferService(Database database, OrganisationStore store, AuditLog audit, DirectoryFeed feed,
            Runnable afterTransfer) {
        this.database = database;
        this.store = store;
        this.audit = audit;
        this.feed = feed;
        this.afterTransfer = afterTransfer;
    }

    /** @return how many transfers changed something (the same transfer twice changes nothing) */
    public int apply(List<TransferRequest> transfers, AuditActor actor) {
        if (transfers.isEmpty()) {
            throw ApiException.badRequest("at least one transfer is required");
        }
        for (int i = 0; i < transfers.size(); i++) {
            TransferRequest t = transfers.get(i);
            String at = "[" + i + "].";
            if (t == null) {
                throw ApiException.badRequest("transfer " + i + " is null", "[" + i + "]");
            }
            requireText(t.staffNo(), at + "staffNo");
            requireText(t.unitCode(), at + "unitCode");
            requireText(t.position(), at + "position");
            if (t.effectiveFrom() == null) {
                throw ApiException.badRequest(at + "effectiveFrom is required", at + "effectiveFrom");
            }
        }
        List<TransferRequest> ordered = new ArrayList<>(transfers);
        ordered.sort(Comparator.comparing(TransferRequest::effectiveFrom));
        return database.inTransaction(c -> {
            for (int i = 0; i < transfers.size(); i++) {
                TransferRequest t = transfers.get(i);
                String at = "[" + i + "].";
                if (store.member(c, t.staffNo().strip()).isEmpty()) {
                    throw ApiException.unprocessable("no staff member with 職員番号 " + t.staffNo(), at + "staffNo");
                }
                if (store.unit(c, t.unitCode().strip()).isEmpty()) {
                    throw ApiException.unprocessable("no unit with 組織コード " + t.unitCode(), at + "unitCode");
                }
                if (!store.positionExists(c, t.position().strip())) {
                    throw ApiException.unprocessable("no 役職 named " + t.position(), at + "position");
                }
            }
            var before = feed.before(c);
            List<String> audited = new ArrayList<>();
            for (TransferRequest t : ordered) {
                AssignmentKind kind = t.kind() == null ? AssignmentKind.PRIMARY : t.kind();
                Assignment assignment = new Assignment(t.staffNo().strip(), t.unitCode().strip(), t.position().strip(),
                        t.effectiveFrom(), null, kind);
                try {
                    if (!store.appoint(c, assignment)) {
                        continue;
                    }
                } catch (AssignmentConflictException e) {
                    throw ApiException.conflict("職員番号 " + e.staffNo() + " already has another 本務 from "
                            + e.effectiveFrom());
                }
                audited.add(assignment.staffNo() + " → " + assignment.unitCode() + " " + assignment.position() + " "
                        + kind.label() + " from " + assignment.effectiveFrom());
            }
            if (!audited.isEmpty()) {
                feed.publishChanges(c, before);
                database.afterCommit(afterTransfer);
            }
            for (String detail : audited) {
                audit.append(c, actor, AuditLog.TRANSFER, AuditLog.SUCCESS, detail);
            }
            return audited.size();
        });
    }

    private static void requireText(String value, String field) {
        if (value == null || value.isBlank()) {
            throw ApiException.badRequest(field + " is required", field);
        }
    }
}

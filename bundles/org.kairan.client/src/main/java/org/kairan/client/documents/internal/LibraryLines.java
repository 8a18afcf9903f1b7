package org.kairan.client.documents.internal;

import java.util.ArrayList;
import java.util.Comparator;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;

import org.kairan.client.documents.LibraryEntry;
import org.kairan.client.documents.LibraryEntry.State;
import org.kairan.client.sync.ActionState;
import org.kairan.client.sync.QueuedAction;
import org.kairan.core.documents.AddDocument;
import org.kairan.core.documents.AddDocumentVersion;
import org.kairan.core.documents.DocumentFile;
import org.kairan.core.documents.DocumentVersion;
import org.kairan.core.documents.EditDocument;
import org.kairan.core.documents.ExtractionStatus;
import org.kairan.core.documents.LibraryDocument;
import org.kairan.core.sync.CommandTypes;

/**
 * The library's lines: the replica's documents with the user's {@code document.*} actions laid over them, in the
 * order they were queued — an unsent (or refused) addition is a line of its own, an unsent new version or edit
 * shows on its document's line. Refused edits are left to the 送信状況 screen: the document stays as the server has
 * it.
 */
final class LibraryLines {

    /** Decodes a queued action's payload. */
    @FunctionalInterface
    interface Payloads {
        <T> T payloadOf(QueuedAction action, Class<T> type);
    }

    private final Map<String, LibraryDocument> documents;
    private final Payloads payloads;

    LibraryLines(Map<String, LibraryDocument> documents, Payloads payloads) {
        this.documents = documents;
        this.payloads = payloads;
    }

    static boolean isLibraryCommand(String type) {
        return type.equals(CommandTypes.ADD_DOCUMENT) || type.equals(CommandTypes.ADD_DOCUMENT_VERSION)
                || type.equals(CommandTypes.EDIT_DOCUMENT);
    }

    /** The file an addition or a new version names. */
    static DocumentFile fileOf(QueuedAction action, Payloads payloads) {
        return action.type().equals(CommandTypes.ADD_DOCUMENT) ? payloads.payloadOf(action, AddDocument.class).file()
                : payloads.payloadOf(action, AddDocumentVersion.class).file();
    }

    /** Every line: the user's unsent and refused additions first (oldest first), then newest 年度, newest change. */
    List<LibraryEntry> lines(List<QueuedAction> actions) {
        Map<String, LibraryEntry> byId = new LinkedHashMap<>();
        for (LibraryDocument d : documents.values()) {
            byId.put(d.id(), synced(d));
        }
        List<LibraryEntry> outbox = new ArrayList<>();
        for (QueuedAction a : actions) {
            boolean refused = a.state() == ActionState.REJECTED || a.state() == ActionState.CONFLICT;
            if (a.state() == ActionState.APPLIED) {
                continue;
            }
            switch (a.type()) {
                case CommandTypes.ADD_DOCUMENT -> {
                    AddDocument add = payloads.payloadOf(a, AddDocument.class);
                    if (!byId.containsKey(add.documentId())) {
                        LibraryEntry line = new LibraryEntry(add.documentId(), add.unitCode(), add.title(),
                                add.file().name(), 1, 0, add.fiscalYear(), add.classification(), stateOf(a), null,
                                refused ? a.message() : null, null, a);
                        byId.put(add.documentId(), line);
                        outbox.add(line);
                    }
                }
                case CommandTypes.ADD_DOCUMENT_VERSION -> {
                    AddDocumentVersion version = payloads.payloadOf(a, AddDocumentVersion.class);
                    LibraryEntry line = byId.get(version.documentId());
                    if (line != null && !alreadyCurrent(line, version.file())) {
                        byId.put(line.documentId(), new LibraryEntry(line.documentId(), line.unitCode(), line.title(),
                                version.file().name(), line.version() + (refused ? 0 : 1), refused ? line.pages() : 0,
                                line.fiscalYear(), line.classification(), stateOf(a), refused ? line.extraction() : null,
                                refused ? a.message() : null, line.document(), a));
                    }
                }
                case CommandTypes.EDIT_DOCUMENT -> {
                    EditDocument edit = payloads.payloadOf(a, EditDocument.class);
                    LibraryEntry line = byId.get(edit.documentId());
                    if (line != null && !refused) {
                        byId.put(line.documentId(), new LibraryEntry(line.documentId(), line.unitCode(), edit.title(),
                                line.fileName(), line.version(), line.pages(), edit.fiscalYear(), edit.classification(),
                                line.state(), line.extraction(), line.reason(), line.document(),
                                line.action() == null ? a : line.action()));
                    }
                }
                default -> { }
            }
        }
        List<LibraryEntry> lines = new ArrayList<>();
        for (LibraryEntry line : outbox) {
            lines.add(byId.get(line.documentId()));
        }
        List<LibraryEntry> rest = new ArrayList<>();
        byId.values().stream().filter(l -> l.document() != null).forEach(rest::add);
        rest.sort(Comparator.comparingInt(LibraryEntry::fiscalYear).reversed()
                .thenComparing(l -> l.document().updatedAt(), Comparator.nullsLast(Comparator.reverseOrder())));
        lines.addAll(rest);
        return List.copyOf(lines);
    }

    private static boolean alreadyCurrent(LibraryEntry line, DocumentFile file) {
        return line.document() != null && line.document().current().map(v -> v.sha256().equals(file.sha256()))
                .orElse(false);
    }

    private static State stateOf(QueuedAction a) {
        return switch (a.state()) {
            case QUEUED -> State.QUEUED;
            case SENT -> State.SENDING;
            case CONFLICT, REJECTED -> State.REFUSED;
            case APPLIED -> State.PENDING;
        };
    }

    static LibraryEntry synced(LibraryDocument d) {
        DocumentVersion current = d.current().orElse(null);
        ExtractionStatus extraction = current == null ? null : current.extraction();
        State state = extraction == null ? State.PENDING : switch (extraction.state()) {
            case PENDING -> State.PENDING;
            case EXTRACTING -> State.EXTRACTING;
            case EXTRACTED -> State.EXTRACTED;
            case FAILED -> State.FAILED;
        };
        return new LibraryEntry(d.id(), d.unitCode(), d.title(), current == null ? "" : current.fileName(),
                current == null ? 0 : current.number(), current == null ? 0 : current.pages(), d.fiscalYear(),
                d.classification(), state, extraction, state == State.FAILED ? extraction.reason() : null, d, null);
    }
}

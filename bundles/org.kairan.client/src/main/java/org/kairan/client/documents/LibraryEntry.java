package org.kairan.client.documents;

import java.util.Objects;

import org.kairan.client.sync.QueuedAction;
import org.kairan.core.documents.ExtractionStatus;
import org.kairan.core.documents.LibraryDocument;

/**
 * One line of a 課's library as the desktop shows it: a document of the replica, or one the user added on this
 * desktop that the server has not taken yet (or refused). The user's unsent new version or metadata edit of a
 * document shows on its line at once.
 *
 * @param documentId     the document's UUID
 * @param unitCode       its 課
 * @param title          表題 (as the user last left it)
 * @param fileName       the current (or the unsent new) version's file name
 * @param version        the current version's number; the unsent one's number when a new version waits
 * @param pages          pages of the current version, 0 when not known (yet)
 * @param fiscalYear     年度
 * @param classification 文書分類
 * @param state          where it stands
 * @param extraction     the current version's extraction, {@code null} while not on the server
 * @param reason         why it failed or was refused (Japanese, naming the file), else {@code null}
 * @param document       the document as the replica has it, {@code null} while only queued
 * @param action         the user's action this line waits for or was refused by, else {@code null}
 */
public record LibraryEntry(String documentId, String unitCode, String title, String fileName, int version, int pages,
        int fiscalYear, String classification, State state, ExtractionStatus extraction, String reason,
        LibraryDocument document, QueuedAction action) {

    /** Where a line stands, from the outbox to the extracted text. */
    public enum State {
        /** In the outbox, waiting for the network (送信待ち). */
        QUEUED,
        /** Being uploaded and sent (送信中). */
        SENDING,
        /** The server refused the file or the command; {@link LibraryEntry#reason()} says why. Nothing was filed. */
        REFUSED,
        /** On the server, waiting for its text to be extracted (待機中). */
        PENDING,
        /** Its pages being read or OCR'd (抽出中 12/40, OCR 3/10). */
        EXTRACTING,
        /** Every page read (抽出済, or OCR済 when pages were OCR'd). */
        EXTRACTED,
        /** The extraction failed; {@link LibraryEntry#reason()} says why. */
        FAILED;

        /** Whether the line is still on its way to the server. */
        public boolean unsent() {
            return this == QUEUED || this == SENDING;
        }
    }

    public LibraryEntry {
        Objects.requireNonNull(documentId, "documentId");
        Objects.requireNonNull(state, "state");
        title = title == null ? "" : title;
        fileName = fileName == null ? "" : fileName;
        classification = classification == null ? "" : classification;
    }
}

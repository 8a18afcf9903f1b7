package org.kairan.server.documents;

import java.sql.Connection;
import java.sql.SQLException;
import java.text.Normalizer;
import java.util.ArrayList;
import java.util.LinkedHashSet;
import java.util.List;
import java.util.Optional;
import java.util.Set;

import org.kairan.core.documents.LibraryDocument;
import org.kairan.core.documents.LibraryFiles;
import org.kairan.core.files.StoredFile;
import org.kairan.core.kessai.Divisions;
import org.kairan.core.kessai.DocumentClass;
import org.kairan.core.kessai.KessaiSettings;
import org.kairan.core.organisation.OrgUnit;
import org.kairan.core.sync.CommandCodes;
import org.kairan.server.files.FileStore;
import org.kairan.server.storage.Database;
import org.kairan.server.sync.Audience;
import org.kairan.server.sync.CommandContext;
import org.kairan.server.sync.CommandPayload;
import org.kairan.server.sync.CommandVerdict;
import org.kairan.server.sync.InvalidPayloadException;

/**
 * What the library's commands share: the stores, the city's 文書分類 (from the 決裁 settings, so that a
 * document and a 決裁 are classified alike), uploaded files, and the extraction worker to wake after a commit;
 * and the checks of metadata and of who may add to a 課's library.
 *
 * @param store    documents and versions
 * @param pages    extracted text
 * @param settings the 文書分類 and their 保存年限
 * @param files    uploaded files
 * @param payloads command payload reader
 * @param database for after-commit signals
 * @param worker   woken when a version joins the queue
 */
record LibraryParts(LibraryStore store, PageStore pages, KessaiSettings settings, FileStore files,
        CommandPayload payloads, Database database, ExtractionWorker worker) {

    /** The oldest 年度 a document may have (明治元年). */
    static final int FIRST_YEAR = 1868;
    static final int LAST_YEAR = 2200;

    /** A command that cannot apply, with its verdict (a conflict). */
    static final class Refused extends Exception {
        private static final long serialVersionUID = 1L;
        private final transient CommandVerdict verdict;

        Refused(CommandVerdict verdict) {
            super(verdict.message(), null, false, false);
            this.verdict = verdict;
        }

        CommandVerdict verdict() {
            return verdict;
        }
    }

    /** Metadata as checked: what is stored. */
    record Metadata(String title, String classification, int fiscalYear, List<String> tags, int retentionYears) {
    }

    Metadata metadata(String title, String classification, int fiscalYear, List<String> tags, Integer retentionYears) {
        String checkedTitle = CommandPayload.required(title, "title");
        if (checkedTitle.length() > LibraryDocument.MAX_TITLE) {
            throw new InvalidPayloadException("title", "表題は" + LibraryDocument.MAX_TITLE + "文字までです (title too long)");
        }
        String checkedClass = CommandPayload.required(classification, "classification");
        Optional<DocumentClass> type = settings.documentClass(checkedClass);
        if (type.isEmpty()) {
            throw new InvalidPayloadException("classification", "文書分類「" + checkedClass + "」は設定にありません"
                    + " (unknown document class)");
        }
        if (fiscalYear < FIRST_YEAR || fiscalYear > LAST_YEAR) {
            throw new InvalidPayloadException("fiscalYear", "年度は" + FIRST_YEAR + "〜" + LAST_YEAR + "の西暦で指定します"
                    + " (fiscalYear out of range: " + fiscalYear + ")");
        }
        int retention = retentionYears == null ? type.get().retentionYears() : retentionYears;
        if (!LibraryDocument.isRetention(retention)) {
            throw new InvalidPayloadException("retentionYears", "保存年限は1・3・5・10・30年または永年（0）です"
                    + " (retention is 1, 3, 5, 10, 30 or 0 for permanent)");
        }
        return new Metadata(checkedTitle, checkedClass, fiscalYear, tags(tags), retention);
    }

    /** Tags stripped and width-normalised (NFKC), blanks and repeats dropped, within the limits. */
    static List<String> tags(List<String> given) {
        Set<String> tags = new LinkedHashSet<>();
        for (String tag : given == null ? List.<String>of() : given) {
            String t = tag == null ? "" : Normalizer.normalize(tag, Normalizer.Form.NFKC).strip();
            if (t.isEmpty()) {
                continue;
            }
            if (t.length() > LibraryDocument.MAX_TAG) {
                throw new InvalidPayloadException("tags", "タグは" + LibraryDocument.MAX_TAG + "文字までです (tag too long)");
            }
            tags.add(t);
        }
        if (tags.size() > LibraryDocument.MAX_TAGS) {
            throw new InvalidPayloadException("tags", "タグは" + LibraryDocument.MAX_TAGS + "個までです (too many tags)");
        }
        return new ArrayList<>(tags);
    }

    /**
     * The 課 a unit code names (a 係's code names its 課).
     *
     * @throws Refused when the unit is gone or the user is not a member of the 課 (本務 or 兼務, in the 課 or one of
     *                 its 係)
     */
    OrgUnit library(CommandContext context, String unitCode) throws Refused {
        Optional<OrgUnit> unit = context.directory().unit(unitCode);
        if (unit.isEmpty()) {
            throw new Refused(CommandVerdict.conflict(CommandCodes.UNIT_GONE, "組織 " + unitCode + " はありません"
                    + " (no such unit)"));
        }
        Optional<OrgUnit> division = Divisions.divisionOf(context.directory(), unitCode);
        if (division.isEmpty()) {
            throw new InvalidPayloadException("unitCode", "文書庫は課ごとにあります。" + unit.get().name() + "ではなく課を"
                    + "指定してください (libraries belong to a 課)");
        }
        if (!isMember(context, division.get().code())) {
            throw new Refused(notMember(division.get().name()));
        }
        return division.get();
    }

    /** Whether the user is a member of the 課 today (its 係 included). */
    static boolean isMember(CommandContext context, String divisionCode) {
        return context.scope().tokens().contains(Audience.unit(divisionCode));
    }

    static CommandVerdict notMember(String divisionName) {
        return CommandVerdict.conflict(CommandCodes.NOT_PERMITTED, divisionName + "の文書庫に登録・変更できるのは"
                + divisionName + "の職員だけです (only members of the 課 may change its library)");
    }

    static CommandVerdict notFound(String id) {
        return CommandVerdict.conflict(CommandCodes.NOT_FOUND, "文書 " + id + " はないか、見る権限がありません"
                + " (no such document visible to you)");
    }

    /**
     * The uploaded file as the library may hold it.
     *
     * @throws Refused when this user never uploaded it (knowing a hash is not enough), or it is not a type a
     *                 library takes
     */
    StoredFile file(Connection c, String sha256, String name, String staffNo) throws SQLException, Refused {
        Optional<StoredFile> stored = files.describe(c, sha256);
        if (stored.isEmpty() || !files.uploadedBy(c, sha256, staffNo)) {
            throw new Refused(CommandVerdict.conflict(CommandCodes.FILE_MISSING, "ファイル「" + name + "」がサーバーに"
                    + "ありません。もう一度登録してください (the file was never uploaded)"));
        }
        if (!LibraryFiles.accepts(stored.get().mediaType())) {
            throw new Refused(CommandVerdict.conflict(CommandCodes.FILE_NOT_ACCEPTED, "「" + name + "」は文書庫に登録"
                    + "できない種類のファイルです。PDF、画像（PNG・JPEG・TIFF）、Word・Excel（.docx・.xlsx）を登録してください"
                    + " (only PDFs, images and .docx or .xlsx files)"));
        }
        return stored.get();
    }

    /** The file name as given, checked. */
    static String fileName(String name) {
        String checked = CommandPayload.required(name, "file.name");
        if (checked.length() > 255 || checked.contains("/") || checked.contains("\\")) {
            throw new InvalidPayloadException("file.name", "ファイル名は255文字までで、/ や \\ を含められません"
                    + " (bad file name)");
        }
        return checked;
    }

    /** Wakes the extraction worker once the command's transaction has committed. */
    void queued() {
        database.afterCommit(worker::wake);
    }
}

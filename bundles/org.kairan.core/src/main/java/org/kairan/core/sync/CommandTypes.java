package org.kairan.core.sync;

/** The command types the server applies, and the payload record of each. */
public final class CommandTypes {

    /** Post a 回覧 to a unit: {@code org.kairan.core.circular.PostCircular}. */
    public static final String POST_CIRCULAR = "circular.post";
    /** 確認 (acknowledge having read) a 回覧: {@code org.kairan.core.circular.CircularRef}. */
    public static final String ACKNOWLEDGE_CIRCULAR = "circular.acknowledge";
    /** 取下げ (withdraw) one's own 回覧: {@code org.kairan.core.circular.CircularRef}. */
    public static final String WITHDRAW_CIRCULAR = "circular.withdraw";

    /** Save a new 起案 or edit one 起案中 or 差戻し中: {@code org.kairan.core.kessai.KessaiDraft}. */
    public static final String SAVE_KESSAI_DRAFT = "kessai.save-draft";
    /** 提出, 承認, 差戻し, 引戻し, 取下げ, 却下, コメント, 後閲, 供覧確認: {@code org.kairan.core.kessai.KessaiAction}. */
    public static final String ACT_ON_KESSAI = "kessai.act";
    /** Add an uploaded file to a 案件: {@code org.kairan.core.kessai.AttachFile}. */
    public static final String ATTACH_TO_KESSAI = "kessai.attach";
    /** Say when one is away (不在), so that 代決者 act: {@code org.kairan.core.kessai.AbsenceNotice}. */
    public static final String SET_ABSENCE = "absence.set";

    /** Add a document with its first file to a 課's library: {@code org.kairan.core.documents.AddDocument}. */
    public static final String ADD_DOCUMENT = "document.add";
    /** Add an uploaded file as a document's next version: {@code org.kairan.core.documents.AddDocumentVersion}. */
    public static final String ADD_DOCUMENT_VERSION = "document.add-version";
    /** Change a document's 表題, 文書分類, 年度, tags or 保存年限: {@code org.kairan.core.documents.EditDocument}. */
    public static final String EDIT_DOCUMENT = "document.edit";

    /**
     * Save 議事録, new or edited (the whole minutes, on the version the editor started from):
     * {@code org.kairan.core.minutes.SaveMinutes}.
     */
    public static final String SAVE_MINUTES = "minutes.save";
    /**
     * Send 議事録 for 決裁: the server prints them as a PDF and makes a 起案 (起案中) with it attached:
     * {@code org.kairan.core.minutes.SendMinutes}.
     */
    public static final String SEND_MINUTES = "minutes.send";

    private CommandTypes() {
    }
}

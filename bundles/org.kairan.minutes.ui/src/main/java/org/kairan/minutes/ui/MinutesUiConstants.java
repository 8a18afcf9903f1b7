package org.kairan.minutes.ui;

/**
 * Ids of the 議事録 view: its part in the application model and widget ids for UI tests and accessibility tools.
 */
public interface MinutesUiConstants {

    String PLUGIN_ID = "org.kairan.minutes.ui";

    // --- e4 model ids (Application.e4xmi)
    /** The minutes part (tab 議事録, after チャット). */
    String PART_MINUTES = "org.kairan.app.part.minutes";

    // --- widget ids (Widget.setData(WIDGET_ID, ...))
    /** The key under which every Kairan bundle stores a widget's id (the same key as org.kairan.app's). */
    String WIDGET_ID = "org.kairan.widgetId";
    /** 「取り込み…」: a transcript file (.vtt, .srt, .txt) into new minutes. */
    String ID_IMPORT = "minutes.import";
    /** 「録音から文字起こし…」. */
    String ID_TRANSCRIBE = "minutes.transcribe";
    /** The minutes of the 課 (a Table: 会議名, 日時, 状態; each TableItem's data is its MinutesEntry). */
    String ID_LIST = "minutes.list";
    /** What happened last (a refusal, a file written), shown only then. */
    String ID_MESSAGE = "minutes.message";

    // the editor
    /** The head: 会議名 (a Label). */
    String ID_HEAD_TITLE = "minutes.head.title";
    /** The head: 日時, 場所, 出席者, 議題 (a Label). */
    String ID_HEAD_DETAILS = "minutes.head.details";
    /** 「会議の情報…」: the head in {@link #ID_HEADER_TITLE}'s dialog. */
    String ID_EDIT_HEAD = "minutes.head.edit";
    /** 状態 of the minutes shown, and why a save was not applied (a Label). */
    String ID_STATE = "minutes.state";
    /** The utterances (a Table: 時刻, 話者, 発言; each TableItem's data is its MinutesUtterance). */
    String ID_UTTERANCES = "minutes.utterances";
    /** The selected utterance's text, edited in place over its 発言 cell (a Text; 分割 cuts at its caret). */
    String ID_UTTERANCE_TEXT = "minutes.utterance.text";
    String ID_MERGE = "minutes.merge";
    String ID_SPLIT = "minutes.split";
    String ID_SPEAKERS = "minutes.speakers";
    String ID_MARK_DECISION = "minutes.markDecision";
    String ID_MARK_ACTION = "minutes.markAction";
    /** 「発言から再生」: plays the recording from the selected utterance (shown for minutes with a recording). */
    String ID_PLAY = "minutes.play";
    String ID_STOP = "minutes.stop";
    /** The time heard while the recording plays (a Label: 「再生中 0:05:07」). */
    String ID_PLAYBACK = "minutes.playback";
    /** 決定事項 (a Table). */
    String ID_DECISIONS = "minutes.decisions";
    /** 今後の対応 (a Table: 内容, 担当者, 期限). */
    String ID_ACTIONS = "minutes.actions";
    String ID_REMOVE_DECISION = "minutes.decisions.remove";
    String ID_REMOVE_ACTION = "minutes.actions.remove";
    /** 要旨 (a multi-line Text). */
    String ID_SUMMARY = "minutes.summary";
    /** 「要旨の下書き」 (a Button). */
    String ID_DRAFT_SUMMARY = "minutes.summary.draft";
    String ID_SAVE = "minutes.save";
    /** The format of 書き出し (a read-only Combo: Word, PDF, WebVTT, テキスト). */
    String ID_EXPORT_FORMAT = "minutes.export.format";
    String ID_EXPORT = "minutes.export";
    String ID_SEND = "minutes.send";
    /** 「起案を開く」: the 起案 the minutes became, in the 決裁 tab. */
    String ID_OPEN_KESSAI = "minutes.openKessai";

    // the head dialog
    String ID_HEADER_TITLE = "minutes.header.title";
    /** 日付 (a DateTime). */
    String ID_HEADER_DATE = "minutes.header.date";
    /** 開始 and 終了 as H:mm (Texts). */
    String ID_HEADER_START = "minutes.header.start";
    String ID_HEADER_END = "minutes.header.end";
    String ID_HEADER_PLACE = "minutes.header.place";
    /** Who to add to 出席者: a person found by 氏名 or かな (an editable Combo); 「追加」 adds them. */
    String ID_HEADER_PERSON = "minutes.header.person";
    String ID_HEADER_ADD = "minutes.header.add";
    /** 出席者 (an SWT List). */
    String ID_HEADER_ATTENDEES = "minutes.header.attendees";
    /** 議題, one a line (a multi-line Text). */
    String ID_HEADER_AGENDA = "minutes.header.agenda";

    /** The speaker dialog: the person of the n-th label (an editable Combo, found by 氏名 or かな), n from 0. */
    String ID_SPEAKER_PREFIX = "minutes.speaker.";

    // the action item dialog
    String ID_ACTION_TEXT = "minutes.action.text";
    String ID_ACTION_ASSIGNEE = "minutes.action.assignee";
    String ID_ACTION_HAS_DUE = "minutes.action.hasDue";
    String ID_ACTION_DUE = "minutes.action.due";

    /** The 決裁に回付 dialog's 文書分類 (a read-only Combo). */
    String ID_SEND_CLASSIFICATION = "minutes.send.classification";

    // the speech-to-text dialog
    String ID_STT_LANGUAGE = "minutes.stt.language";
    String ID_STT_STATUS = "minutes.stt.status";
    String ID_STT_PROGRESS = "minutes.stt.progress";
}

package org.kairan.core.minutes;

/** Where 議事録 stand. */
public enum MinutesStatus {
    /** 作成中: being written; anyone of the 課 may edit them. */
    DRAFT("作成中"),
    /** 決裁に回付: printed and made a 起案 ({@link MinutesRecord#kessaiId()}); no longer edited. */
    SENT("決裁に回付");

    private final String label;

    MinutesStatus(String label) {
        this.label = label;
    }

    public String label() {
        return label;
    }
}

package org.kairan.chat;

/** A colleague's presence as the contact list shows it. */
public enum ChatPresence {
    /** 在席: logged in and available. */
    AVAILABLE,
    /** 離席: logged in but away. */
    AWAY,
    /** 取込中: do not disturb. */
    BUSY,
    /** オフライン. */
    OFFLINE
}

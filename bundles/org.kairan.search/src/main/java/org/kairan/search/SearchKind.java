package org.kairan.search;

/** 種別: what a hit is. */
public enum SearchKind {
    /** 決裁 (起案 with its route, comments and files). */
    KESSAI,
    /** A page of a document of a 課's library. */
    DOCUMENT,
    /** An utterance of 議事録. */
    MINUTES,
    /** A chat message. */
    CHAT
}

/**
 * The 課 document libraries (文書庫) on the desktop: documents from the local replica with the user's unsent
 * additions already listed (送信待ち), files added through the outbox (offline too), new versions, metadata, and
 * versions opened from the local file cache. The 文書庫 screen uses {@link org.kairan.client.documents.LibraryService}.
 */
package org.kairan.client.documents;

/**
 * 電子決裁 on the desktop: the inbox of 案件 from the local replica (with the user's unsent actions already
 * applied), routes drafted offline, actions and files through the sync queue, files and PDFs of record opened
 * from a local cache. The 決裁 screens use {@link org.kairan.client.kessai.KessaiService}.
 */
package org.kairan.client.kessai;

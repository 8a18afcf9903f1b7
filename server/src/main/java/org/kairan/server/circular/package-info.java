/**
 * 回覧 on the server: their tables, their place in the change feed, and the sync commands that post,
 * acknowledge (確認) and withdraw (取下げ) them.
 */
package org.kairan.server.circular;

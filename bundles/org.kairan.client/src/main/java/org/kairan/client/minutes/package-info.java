/**
 * 議事録 on the desktop: the minutes of the 課 the user may see (from the local replica, with the user's unsent saves
 * laid over them), transcripts imported into new minutes, saving and 決裁に回付 through the sync queue, export, and
 * the server's speech-to-text jobs.
 */
package org.kairan.client.minutes;

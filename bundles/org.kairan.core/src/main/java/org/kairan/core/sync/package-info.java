/**
 * The sync protocol: the change feed a client pulls into its local replica, the push that tells it to
 * pull, and the commands it sends (each exactly once). See docs/API.md, "Sync".
 */
package org.kairan.core.sync;

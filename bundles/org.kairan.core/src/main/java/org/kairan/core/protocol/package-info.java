/**
 * Records exchanged between the desktop client and the server as JSON. One definition each, used
 * by both sides; see docs/API.md for the routes.
 */
package org.kairan.core.protocol;

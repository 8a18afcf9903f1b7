package org.kairan.core.protocol;

/**
 * Answer of the unauthenticated health endpoint.
 *
 * @param status   {@code UP} or {@code DOWN}
 * @param version  server version
 * @param database {@code h2} or {@code postgresql}
 */
public record HealthStatus(String status, String version, String database) {
}

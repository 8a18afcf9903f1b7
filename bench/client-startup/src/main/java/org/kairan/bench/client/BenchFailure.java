package org.kairan.bench.client;

/** A run that could not be measured (timeout, client died, login refused…): reported, the bench goes on. */
final class BenchFailure extends RuntimeException {

    private static final long serialVersionUID = 1L;

    BenchFailure(String message) {
        super(message);
    }
}

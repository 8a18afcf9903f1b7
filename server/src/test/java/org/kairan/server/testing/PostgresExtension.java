package org.kairan.server.testing;

import org.junit.jupiter.api.extension.BeforeAllCallback;
import org.junit.jupiter.api.extension.ExtensionContext;
import org.junit.jupiter.api.extension.ParameterContext;
import org.junit.jupiter.api.extension.ParameterResolutionException;
import org.junit.jupiter.api.extension.ParameterResolver;

/**
 * Gives each test class a fresh database in the JVM's {@link PostgresServer} and injects it as a
 * {@link PostgresDatabase} parameter into the constructor, {@code @BeforeAll}, {@code @BeforeEach} and
 * test methods. All test methods of a class (and its {@code @Nested} classes) share that database.
 *
 * <pre>
 * &#64;ExtendWith(PostgresExtension.class)
 * class OrganisationStorePostgresTest {
 *     &#64;Test
 *     void storesStaff(PostgresDatabase db) throws Exception {
 *         try (Connection c = db.connect()) { … }
 *     }
 * }
 * </pre>
 */
public final class PostgresExtension implements BeforeAllCallback, ParameterResolver {

    private static final ExtensionContext.Namespace NAMESPACE = ExtensionContext.Namespace.create(PostgresExtension.class);
    private static final String KEY = "database";

    @Override
    public void beforeAll(ExtensionContext context) {
        databaseFor(context);
    }

    @Override
    public boolean supportsParameter(ParameterContext parameter, ExtensionContext context) {
        return parameter.getParameter().getType() == PostgresDatabase.class;
    }

    @Override
    public Object resolveParameter(ParameterContext parameter, ExtensionContext context) {
        try {
            return databaseFor(context);
        } catch (IllegalStateException e) {
            throw new ParameterResolutionException(e.getMessage(), e);
        }
    }

    /** The database of the outermost test class of this context, created on first use. */
    private static PostgresDatabase databaseFor(ExtensionContext context) {
        ExtensionContext owner = context;
        while (owner.getParent().flatMap(ExtensionContext::getTestClass).isPresent()) {
            owner = owner.getParent().get();
        }
        String hint = owner.getRequiredTestClass().getSimpleName();
        return owner.getStore(NAMESPACE).getOrComputeIfAbsent(KEY,
                key -> PostgresServer.shared().createDatabase(hint), PostgresDatabase.class);
    }
}

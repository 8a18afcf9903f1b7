package org.kairan.app.tests;

import static org.junit.jupiter.api.Assertions.assertNotNull;

import org.osgi.framework.BundleContext;
import org.osgi.framework.FrameworkUtil;
import org.osgi.framework.ServiceReference;

/** The running application's OSGi services, as a UI test takes them (the client, the test server, 決裁, search …). */
final class Services {

    private Services() {
    }

    /** The service of the type; fails the test when the application does not offer one. */
    static <T> T of(Class<T> type) {
        BundleContext context = FrameworkUtil.getBundle(Services.class).getBundleContext();
        ServiceReference<T> reference = context.getServiceReference(type);
        assertNotNull(reference, "the application offers a " + type.getSimpleName());
        return context.getService(reference);
    }
}

package org.kairan.app.tests;

import java.io.IOException;
import java.io.InputStream;
import java.net.URL;
import java.text.MessageFormat;
import java.util.PropertyResourceBundle;

import org.kairan.app.AppConstants;
import org.osgi.framework.FrameworkUtil;

/** The application's own Japanese texts, to check that the screen shows them (the tests run with -nl ja). */
final class Texts {

    private final PropertyResourceBundle japanese;

    Texts() throws IOException {
        URL url = FrameworkUtil.getBundle(AppConstants.class).getEntry("OSGI-INF/l10n/bundle.properties");
        try (InputStream in = url.openStream()) {
            japanese = new PropertyResourceBundle(in);
        }
    }

    String get(String key, Object... arguments) {
        String pattern = japanese.getString(key);
        return arguments.length == 0 ? pattern : MessageFormat.format(pattern, arguments);
    }
}

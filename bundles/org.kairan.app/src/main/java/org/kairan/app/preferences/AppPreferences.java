package org.kairan.app.preferences;

import java.util.Locale;
import java.util.Optional;

import org.eclipse.core.runtime.preferences.IEclipsePreferences;
import org.eclipse.e4.core.di.extensions.Preference;
import org.kairan.app.AppConstants;
import org.osgi.service.prefs.BackingStoreException;

import jakarta.inject.Inject;

/** The desktop's own settings, kept in the workspace's instance preferences. */
public final class AppPreferences {

    private final IEclipsePreferences node;

    @Inject
    public AppPreferences(@Preference(nodePath = AppConstants.PREFERENCE_NODE) IEclipsePreferences node) {
        this.node = node;
    }

    /**
     * The server address to offer at login: {@code -Dkairan.server} when given on the command line,
     * else the last one used successfully, else the local demo server.
     */
    public String serverUrl() {
        return commandLineServerUrl().orElseGet(() -> storedServerUrl().orElse(AppConstants.DEFAULT_SERVER_URL));
    }

    /** The address given on the command line ({@code --server}), if any: it wins over what is stored. */
    public Optional<String> commandLineServerUrl() {
        String fromCommandLine = System.getProperty(AppConstants.SYSTEM_PROPERTY_SERVER);
        return fromCommandLine == null || fromCommandLine.isBlank() ? Optional.empty()
                : Optional.of(fromCommandLine.strip());
    }

    /** The address stored in the preferences, if any. */
    public Optional<String> storedServerUrl() {
        String value = node.get(AppConstants.PREF_SERVER_URL, "");
        return value.isBlank() ? Optional.empty() : Optional.of(value);
    }

    public void setServerUrl(String url) {
        node.put(AppConstants.PREF_SERVER_URL, url);
        flush();
    }

    /** "" to follow the operating system, else a language tag ("ja", "en"). */
    public String language() {
        return node.get(AppConstants.PREF_LANGUAGE, "");
    }

    /** The locale chosen in the preferences, empty when the operating system decides. */
    public Optional<Locale> chosenLocale() {
        String tag = language();
        return tag.isBlank() ? Optional.empty() : Optional.of(Locale.forLanguageTag(tag));
    }

    public void setLanguage(String languageTag) {
        node.put(AppConstants.PREF_LANGUAGE, languageTag == null ? "" : languageTag);
        flush();
    }

    public String lastUser() {
        return node.get(AppConstants.PREF_LAST_USER, "");
    }

    public void setLastUser(String userId) {
        node.put(AppConstants.PREF_LAST_USER, userId);
        flush();
    }

    private void flush() {
        try {
            node.flush();
        } catch (BackingStoreException e) {
            // kept in memory for this run; the next start simply asks again
        }
    }
}

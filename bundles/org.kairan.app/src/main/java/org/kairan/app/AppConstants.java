package org.kairan.app;

/** Ids, preference keys and widget ids of the desktop application bundle. */
public interface AppConstants {

    String PLUGIN_ID = "org.kairan.app";

    // --- e4 model ids (Application.e4xmi)
    String WINDOW_MAIN = "org.kairan.app.window.main";
    String PART_DIRECTORY = "org.kairan.app.part.directory";
    String COMMAND_LOGOUT = "org.kairan.app.command.logout";
    String COMMAND_PREFERENCES = "org.kairan.app.command.preferences";
    String COMMAND_QUIT = "org.kairan.app.command.quit";
    String COMMAND_FIND = "org.kairan.app.command.find";
    String COMMAND_CHANGE_PASSWORD = "org.kairan.app.command.changePassword";
    String COMMAND_IMPORT_ROSTER = "org.kairan.app.command.importRoster";
    /** Model tag of menu entries shown only to administrators (Role.ADMIN). */
    String TAG_ADMIN_ONLY = "kairan.adminOnly";

    // --- event topics (IEventBroker)
    /** Posted after the organisation changed on the server through this desktop (a roster import). */
    String TOPIC_DIRECTORY_CHANGED = "kairan/directory/changed";

    // --- preferences (instance scope, node PREFERENCE_NODE)
    String PREFERENCE_NODE = PLUGIN_ID;
    /** The server's base address, e.g. https://kairan.city.example.lg.jp. */
    String PREF_SERVER_URL = "server.url";
    /** "" (follow the operating system), "ja" or "en". */
    String PREF_LANGUAGE = "language";
    /** The last user id that logged in, to fill the login dialog. */
    String PREF_LAST_USER = "login.lastUser";

    /** System property that overrides the server address (set by scripts/kairan-client --server). */
    String SYSTEM_PROPERTY_SERVER = "kairan.server";
    /** Where a fresh installation looks for the server: the demo server of ./kairan demo. */
    String DEFAULT_SERVER_URL = "http://127.0.0.1:8470";

    // --- widget ids (Widget.setData(WIDGET_ID, ...)), for UI tests and accessibility tools
    String WIDGET_ID = "org.kairan.widgetId";
    String ID_LOGIN_SERVER = "login.server";
    String ID_LOGIN_USER = "login.user";
    String ID_LOGIN_PASSWORD = "login.password";
    String ID_LOGIN_TOTP = "login.totp";
    String ID_ENROL_QR = "enrol.qr";
    String ID_ENROL_SECRET = "enrol.secret";
    String ID_ENROL_CODE = "enrol.code";
    String ID_DIRECTORY_SEARCH = "directory.search";
    String ID_DIRECTORY_TREE = "directory.tree";
    String ID_DIRECTORY_COUNT = "directory.count";
    /** The 基準日 label (和暦, with weekday) of the directory. */
    String ID_DIRECTORY_AS_OF_LABEL = "directory.asOfLabel";
    /** The DateTime choosing the directory's 基準日. */
    String ID_DIRECTORY_AS_OF = "directory.asOf";
    /** The 「今日」 button setting the 基準日 back to today. */
    String ID_DIRECTORY_TODAY = "directory.today";
    String ID_DIRECTORY_DETAIL = "directory.detail";
    String ID_DIRECTORY_ADMIN = "directory.admin";
    String ID_ADMIN_RESET_TOTP = "admin.resetTotp";
    String ID_ADMIN_UNLOCK = "admin.unlock";
    String ID_ADMIN_REVOKE = "admin.revoke";
    String ID_ADMIN_RESULT = "admin.result";
    String ID_PASSWORD_CURRENT = "password.current";
    String ID_PASSWORD_NEW = "password.new";
    String ID_PASSWORD_REPEAT = "password.repeat";
    String ID_PASSWORD_RULE = "password.rule";
    String ID_ROSTER_UNITS = "roster.units";
    String ID_ROSTER_STAFF = "roster.staff";
    String ID_ROSTER_SUMMARY = "roster.summary";
    String ID_ROSTER_DETAILS = "roster.details";
    String ID_ROSTER_REJECTED = "roster.rejected";
    String ID_STATUS_USER = "status.user";
    String ID_STATUS_CONNECTION = "status.connection";

    /** Seconds between background checks of the server connection. */
    int CONNECTION_CHECK_SECONDS = 30;
}

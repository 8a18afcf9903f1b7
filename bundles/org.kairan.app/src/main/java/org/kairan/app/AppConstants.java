package org.kairan.app;

/** Ids, preference keys and widget ids of the desktop application bundle. */
public interface AppConstants {

    String PLUGIN_ID = "org.kairan.app";

    // --- e4 model ids (Application.e4xmi)
    String WINDOW_MAIN = "org.kairan.app.window.main";
    String PART_DIRECTORY = "org.kairan.app.part.directory";
    String PART_CIRCULARS = "org.kairan.app.part.circulars";
    String PART_ACTIONS = "org.kairan.app.part.actions";
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
    /** The first sync's progress: payload {@code long[] {done, total}}, or {@code {-1, -1}} when it ended. */
    String TOPIC_SYNC_PROGRESS = "kairan/app/syncProgress";

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
    /** 「オフラインで開く」 in the login dialog (shown when the stored session cannot be checked). */
    String ID_LOGIN_OFFLINE = "login.offline";
    String ID_ENROL_QR = "enrol.qr";
    String ID_ENROL_SECRET = "enrol.secret";
    String ID_ENROL_CODE = "enrol.code";
    String ID_DIRECTORY_SEARCH = "directory.search";
    String ID_DIRECTORY_TREE = "directory.tree";
    String ID_DIRECTORY_COUNT = "directory.count";
    /** The directory's message line: waiting for the first sync, a failure, or a search that finds nobody. */
    String ID_DIRECTORY_STATUS = "directory.status";
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
    String ID_STATUS_QUEUED = "status.queued";
    String ID_STATUS_CONFLICTS = "status.conflicts";
    String ID_STATUS_LAST_SYNC = "status.lastSync";
    String ID_STATUS_PROGRESS = "status.progress";
    String ID_CIRCULAR_NEW = "circular.new";
    String ID_CIRCULAR_ACKNOWLEDGE = "circular.acknowledge";
    String ID_CIRCULAR_WITHDRAW = "circular.withdraw";
    String ID_CIRCULAR_COUNT = "circular.count";
    String ID_CIRCULAR_TABLE = "circular.table";
    String ID_CIRCULAR_DETAIL = "circular.detail";
    String ID_CIRCULAR_NEW_TO = "circular.new.to";
    String ID_CIRCULAR_NEW_TITLE = "circular.new.title";
    String ID_CIRCULAR_NEW_BODY = "circular.new.body";
    String ID_ACTIONS_SYNC_NOW = "actions.syncNow";
    String ID_ACTIONS_DISMISS = "actions.dismiss";
    String ID_ACTIONS_SUMMARY = "actions.summary";
    String ID_ACTIONS_TABLE = "actions.table";

    /** Seconds between background checks of the server connection. */
    int CONNECTION_CHECK_SECONDS = 30;
}

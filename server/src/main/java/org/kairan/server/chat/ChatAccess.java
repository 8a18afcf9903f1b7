package org.kairan.server.chat;

import java.time.Clock;
import java.time.Duration;
import java.time.LocalDate;
import java.time.ZoneId;
import java.util.List;
import java.util.Optional;
import java.util.concurrent.Executors;
import java.util.concurrent.Future;
import java.util.concurrent.ScheduledExecutorService;
import java.util.concurrent.TimeUnit;

import org.kairan.core.organisation.OrganisationDirectory;
import org.kairan.core.organisation.StaffMember;
import org.kairan.server.directory.OrganisationStore;
import org.kairan.server.storage.Database;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;

/**
 * Business chat's accounts in the Kairan server's lifecycle: after the chat server is up, the administrator's
 * connection is opened and every staff member of the directory gets an account in the background (and again after
 * the directory changed); a person whose access ended loses their XMPP access too. Chat off: nothing here works and
 * {@link #accounts()} is empty. After the accounts, each 課 gets its room and roster group ({@link DepartmentRooms}),
 * again after every change of the directory and every hour (人事異動 dated today take effect at the office's
 * midnight: within the hour).
 */
public final class ChatAccess implements AutoCloseable {

    private static final Logger LOG = LoggerFactory.getLogger(ChatAccess.class);

    private final ChatSettings settings;
    private final Database database;
    private final OrganisationStore organisation;
    private final Clock clock;
    private final ZoneId zone;
    private final ScheduledExecutorService background = Executors.newSingleThreadScheduledExecutor(r -> {
        Thread thread = new Thread(r, "chat-accounts");
        thread.setDaemon(true);
        return thread;
    });
    private volatile ChatAccounts accounts;
    private volatile DepartmentRooms rooms;
    private volatile Future<?> provisioning;

    public ChatAccess(ChatSettings settings, Database database, OrganisationStore organisation, Clock clock,
            ZoneId zone) {
        this.settings = settings;
        this.database = database;
        this.organisation = organisation;
        this.clock = clock;
        this.zone = zone;
    }

    /**
     * Opens the accounts on the started managed Prosody ({@code managed} not {@code null}) or on the external server,
     * and provisions the whole directory in the background.
     */
    public void start(ManagedProsody managed) throws ChatServerException {
        ProvisionedChatAccounts provisioned;
        switch (settings.mode()) {
            case MANAGED -> {
                provisioned = ProvisionedChatAccounts.managed(database, managed, clock);
                rooms = provisioned.departmentRooms(managed.files().groupsFile());
            }
            case EXTERNAL -> {
                provisioned = ProvisionedChatAccounts.external(database, settings, clock);
                rooms = provisioned.departmentRooms(settings.groupsFile());
            }
            default -> {
                return;
            }
        }
        accounts = provisioned;
        provisionDirectory("at start");
        background.scheduleWithFixedDelay(() -> syncRooms("hourly"), 1, 1, TimeUnit.HOURS);
    }

    /** The accounts, while chat is on and started. */
    public Optional<ChatAccounts> accounts() {
        return Optional.ofNullable(accounts);
    }

    /**
     * Gives everybody in the directory who has no chat account one, then brings the 課 rooms and groups in step, in
     * the background (at start, after a roster import or 人事異動).
     */
    public void provisionDirectory(String when) {
        ChatAccounts current = accounts;
        if (current == null) {
            return;
        }
        provisioning = background.submit(() -> {
            long started = System.nanoTime();
            try {
                List<String> staff = database.inTransaction(organisation::staff).stream().map(StaffMember::staffNo)
                        .toList();
                int made = current.provision(staff);
                LOG.info("chat accounts {}: {} made, {} staff in all, in {} ms", when, made, staff.size(),
                        Duration.ofNanos(System.nanoTime() - started).toMillis());
            } catch (ChatServerException | RuntimeException e) {
                LOG.error("chat accounts {}: provisioning stopped: {}", when, e.getMessage(), e);
            }
            applyRooms(when);
        });
    }

    /**
     * Brings the 課 rooms and roster groups in step with the directory as of the office's today, in the background
     * (the hourly upkeep; tests call it after moving the clock).
     */
    public void syncRooms(String when) {
        if (rooms == null) {
            return;
        }
        provisioning = background.submit(() -> applyRooms(when));
    }

    private void applyRooms(String when) {
        DepartmentRooms current = rooms;
        if (current == null) {
            return;
        }
        long started = System.nanoTime();
        try {
            OrganisationDirectory directory = new OrganisationDirectory(
                    database.inTransaction(c -> organisation.snapshot(c, LocalDate.EPOCH)));
            int changes = current.apply(directory, LocalDate.ofInstant(clock.instant(), zone));
            if (changes > 0) {
                LOG.info("chat rooms of the 課 {}: {} changes in {} ms", when, changes,
                        Duration.ofNanos(System.nanoTime() - started).toMillis());
            }
        } catch (ChatServerException | RuntimeException e) {
            if (background.isShutdown()) {
                LOG.info("chat rooms of the 課 {}: stopped as the server stops", when);
            } else {
                LOG.error("chat rooms of the 課 {}: stopped: {}", when, e.getMessage(), e);
            }
        }
    }

    /** Waits for the latest background provisioning (tests, benchmarks); whether it finished in time. */
    public boolean awaitProvisioning(Duration timeout) throws InterruptedException {
        Future<?> running = provisioning;
        if (running == null) {
            return true;
        }
        try {
            running.get(timeout.toMillis(), TimeUnit.MILLISECONDS);
            return true;
        } catch (java.util.concurrent.ExecutionException e) {
            return true;
        } catch (java.util.concurrent.TimeoutException e) {
            return false;
        }
    }

    /** The person's Kairan access ended: end their XMPP access (logged, never thrown: the Kairan side has ended). */
    public void accessEnded(String staffNo, String why) {
        ChatAccounts current = accounts;
        if (current == null) {
            return;
        }
        try {
            current.disable(staffNo);
            LOG.info("chat access of {} ended ({})", staffNo, why);
        } catch (ChatServerException | RuntimeException e) {
            LOG.error("chat access of {} could not be ended ({}): {}", staffNo, why, e.getMessage(), e);
        }
    }

    @Override
    public void close() {
        background.shutdownNow();
        try {
            background.awaitTermination(5, TimeUnit.SECONDS);
        } catch (InterruptedException e) {
            Thread.currentThread().interrupt();
        }
        ChatAccounts current = accounts;
        accounts = null;
        rooms = null;
        if (current != null) {
            current.close();
        }
    }
}

package org.kairan.bench.client;

import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.List;
import java.util.OptionalLong;
import java.util.stream.Stream;

/**
 * Where the machine's CPU went during a measured interval, from /proc: the whole machine, the client, and
 * everything that is neither the client nor the bench's own helpers (its JVM with the xdotool it ran, xev,
 * the server, the X server). That last part is the noise: other builds and tests on the machine.
 */
final class CpuUse {

    /** Clock ticks of /proc (USER_HZ), 100 on Linux. */
    private static final double TICKS_PER_SECOND = 100;

    record Sample(long machineBusy, long machineTotal, long own, long client) {
    }

    /** What an interval used: shares of the machine's whole capacity (all CPUs), and the client's CPU time. */
    record Use(double machinePercent, double othersPercent, double clientSeconds) {
    }

    private final List<Long> helperPids;

    CpuUse(List<Long> helperPids) {
        this.helperPids = helperPids;
    }

    Sample sample(long clientPid) {
        long[] machine = machine();
        long own = 0;
        for (long pid : helperPids) {
            own += processTicks(pid);
        }
        long client = processTicks(clientPid);
        return new Sample(machine[0], machine[1], own + client, client);
    }

    static Use between(Sample before, Sample after) {
        long total = after.machineTotal - before.machineTotal;
        if (total <= 0) {
            return new Use(-1, -1, -1);
        }
        long busy = after.machineBusy - before.machineBusy;
        long own = after.own - before.own;
        return new Use(100.0 * busy / total, Math.max(0, 100.0 * (busy - own) / total),
                (after.client - before.client) / TICKS_PER_SECOND);
    }

    /** {busy, total} ticks of all CPUs (idle and iowait are not busy; guest time is inside user time). */
    private static long[] machine() {
        try {
            String[] f = Files.readAllLines(Path.of("/proc/stat")).get(0).trim().split("\\s+");
            long total = 0;
            for (int i = 1; i < Math.min(f.length, 9); i++) {
                total += Long.parseLong(f[i]);
            }
            return new long[] {total - Long.parseLong(f[4]) - Long.parseLong(f[5]), total};
        } catch (IOException | RuntimeException e) {
            return new long[] {0, 0};
        }
    }

    /**
     * utime + stime + cutime + cstime of a process: its own CPU and that of the children it waited for
     * (the launch script's Java version check, the bench's xdotool runs). Survives exec. 0 when gone.
     */
    static long processTicks(long pid) {
        if (pid <= 0) {
            return 0;
        }
        try {
            String stat = Files.readString(Path.of("/proc/" + pid + "/stat"));
            String[] f = stat.substring(stat.lastIndexOf(')') + 2).split(" ");
            return Long.parseLong(f[11]) + Long.parseLong(f[12]) + Long.parseLong(f[13]) + Long.parseLong(f[14]);
        } catch (IOException | RuntimeException e) {
            return 0;
        }
    }

    /** The X server of a display (":99") when it runs on this machine, e.g. the Xvfb of xvfb-run. */
    static OptionalLong xServerPid(String display) {
        if (display == null || !display.startsWith(":")) {
            return OptionalLong.empty();
        }
        String number = display.substring(1).split("\\.")[0];
        try (Stream<Path> procs = Files.list(Path.of("/proc"))) {
            return procs.filter(p -> p.getFileName().toString().chars().allMatch(Character::isDigit))
                    .filter(p -> {
                        try {
                            String[] args = new String(Files.readAllBytes(p.resolve("cmdline"))).split("\0");
                            return args.length > 1 && args[0].matches(".*X(vfb|org|wayland)?$")
                                    && List.of(args).contains(":" + number);
                        } catch (IOException e) {
                            return false;
                        }
                    })
                    .mapToLong(p -> Long.parseLong(p.getFileName().toString())).findFirst();
        } catch (IOException e) {
            return OptionalLong.empty();
        }
    }
}

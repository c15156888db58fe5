package io.campuscrm.bench;

import java.io.IOException;
import java.lang.management.ManagementFactory;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.Optional;
import java.util.OptionalLong;

/**
 * Memory as the operating system and the JVM see it: heap in use after a full collection (what the data keeps
 * alive), and the resident set size (VmRSS in {@code /proc/<pid>/status}) of the application's JVM and of its
 * embedded {@code mariadbd}.
 */
record ProcessMemory(long heapUsedAfterGc, long heapMax, OptionalLong appRss, OptionalLong databaseRss) {

    static ProcessMemory measure(Path databaseDirectory) {
        var memory = ManagementFactory.getMemoryMXBean();
        for (int i = 0; i < 3; i++) { // a few rounds: finalizable objects and soft references settle
            System.gc();
        }
        var heap = memory.getHeapMemoryUsage();
        return new ProcessMemory(heap.getUsed(), heap.getMax(), rss(ProcessHandle.current().pid()),
                mariadbd(databaseDirectory).map(p -> rss(p.pid())).orElse(OptionalLong.empty()));
    }

    /** The server whose command line names this data directory (there may be others, e.g. the tests'). */
    static Optional<ProcessHandle> mariadbd(Path databaseDirectory) {
        String dataArgument = "--datadir=" + databaseDirectory;
        return ProcessHandle.allProcesses().filter(p -> p.info().commandLine()
                .filter(c -> c.contains("mariadbd") && c.contains(dataArgument)).isPresent()).findFirst();
    }

    /** The machine's load average as {@code /proc/loadavg} has it: the figures depend on it on a shared machine. */
    static String loadAverage() {
        try {
            return Files.readString(Path.of("/proc/loadavg")).strip();
        } catch (IOException e) {
            return "unknown";
        }
    }

    private static OptionalLong rss(long pid) {
        try {
            for (String line : Files.readAllLines(Path.of("/proc", String.valueOf(pid), "status"))) {
                if (line.startsWith("VmRSS:")) {
                    return OptionalLong.of(Long.parseLong(line.replaceAll("\\D", "")) * 1024);
                }
            }
        } catch (IOException | NumberFormatException e) {
            // not Linux, or the process is gone: the figure is reported as unknown
        }
        return OptionalLong.empty();
    }
}

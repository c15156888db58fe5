package io.campuscrm.bench;

import java.lang.management.ManagementFactory;
import java.lang.management.MemoryPoolMXBean;
import java.lang.management.MemoryType;
import java.util.List;
import java.util.Locale;

/** The heap's peak since it was made, over all heap pools (their peaks summed: an upper bound). */
final class PeakHeap {

    private final List<MemoryPoolMXBean> pools = ManagementFactory.getMemoryPoolMXBeans().stream()
            .filter(p -> p.getType() == MemoryType.HEAP).toList();

    PeakHeap() {
        System.gc();
        pools.forEach(MemoryPoolMXBean::resetPeakUsage);
    }

    String peakMegabytes() {
        long bytes = pools.stream().mapToLong(p -> p.getPeakUsage().getUsed()).sum();
        return String.format(Locale.ROOT, "%.0f MB", bytes / 1024.0 / 1024.0);
    }
}

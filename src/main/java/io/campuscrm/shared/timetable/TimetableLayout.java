package io.campuscrm.shared.timetable;

import java.time.DayOfWeek;
import java.time.LocalDate;
import java.time.LocalTime;
import java.util.ArrayList;
import java.util.Comparator;
import java.util.EnumMap;
import java.util.List;
import java.util.Map;

/**
 * Where the blocks of one week go: the hours shown (the usual range, widened to whole hours to fit every block),
 * the days shown (Monday to Friday always, Saturday and Sunday only when used), and for every block its day, its
 * minutes and its column among the blocks it overlaps. Overlapping blocks share the day's width in equal columns,
 * each block in the leftmost column free at its start; blocks that merely touch (one ends as the next starts) do not
 * overlap. A block running past midnight is cut at the end of its first day; blocks outside the week are left out.
 */
public final class TimetableLayout {

    public static final LocalTime DEFAULT_FROM = LocalTime.of(7, 0);
    public static final LocalTime DEFAULT_TO = LocalTime.of(22, 0);
    private static final int DAY_MINUTES = 24 * 60;

    /**
     * A block in its place.
     *
     * @param startMinute minutes after midnight
     * @param endMinute   minutes after midnight, at most 1440
     * @param column      0-based column among {@code columns} side by side
     */
    public record Placed(TimetableBlock block, DayOfWeek day, int startMinute, int endMinute, int column,
            int columns) {
    }

    private final LocalDate monday;
    private final int fromMinute;
    private final int toMinute;
    private final List<DayOfWeek> days;
    private final Map<DayOfWeek, List<Placed>> placed;

    private TimetableLayout(LocalDate monday, int fromMinute, int toMinute, List<DayOfWeek> days,
            Map<DayOfWeek, List<Placed>> placed) {
        this.monday = monday;
        this.fromMinute = fromMinute;
        this.toMinute = toMinute;
        this.days = days;
        this.placed = placed;
    }

    public static TimetableLayout of(LocalDate anyDay, List<TimetableBlock> blocks) {
        return of(anyDay, blocks, DEFAULT_FROM, DEFAULT_TO, false);
    }

    /** @param weekendAlwaysShown show Saturday and Sunday even when they have no blocks */
    public static TimetableLayout of(LocalDate anyDay, List<TimetableBlock> blocks, LocalTime from, LocalTime to,
            boolean weekendAlwaysShown) {
        LocalDate monday = TimetableWeeks.mondayOf(anyDay);
        Map<DayOfWeek, List<TimetableBlock>> byDay = new EnumMap<>(DayOfWeek.class);
        for (TimetableBlock block : blocks) {
            if (!block.day().isBefore(monday) && !block.day().isAfter(monday.plusDays(6))) {
                byDay.computeIfAbsent(block.day().getDayOfWeek(), d -> new ArrayList<>()).add(block);
            }
        }
        int first = minutes(from);
        int last = to.equals(LocalTime.MIDNIGHT) ? DAY_MINUTES : minutes(to);
        Map<DayOfWeek, List<Placed>> placed = new EnumMap<>(DayOfWeek.class);
        for (var day : byDay.entrySet()) {
            List<Placed> dayPlaced = place(day.getKey(), day.getValue());
            placed.put(day.getKey(), dayPlaced);
            for (Placed p : dayPlaced) {
                first = Math.min(first, p.startMinute() / 60 * 60);
                last = Math.max(last, (p.endMinute() + 59) / 60 * 60);
            }
        }
        List<DayOfWeek> days = new ArrayList<>(List.of(DayOfWeek.MONDAY, DayOfWeek.TUESDAY, DayOfWeek.WEDNESDAY,
                DayOfWeek.THURSDAY, DayOfWeek.FRIDAY));
        boolean sunday = weekendAlwaysShown || byDay.containsKey(DayOfWeek.SUNDAY);
        if (sunday || byDay.containsKey(DayOfWeek.SATURDAY)) {
            days.add(DayOfWeek.SATURDAY);
        }
        if (sunday) {
            days.add(DayOfWeek.SUNDAY);
        }
        return new TimetableLayout(monday, first, last, List.copyOf(days), placed);
    }

    private static List<Placed> place(DayOfWeek day, List<TimetableBlock> blocks) {
        List<TimetableBlock> sorted = blocks.stream().sorted(Comparator.comparing(TimetableBlock::start)
                .thenComparing(TimetableBlock::end, Comparator.reverseOrder()).thenComparing(TimetableBlock::id))
                .toList();
        List<Placed> result = new ArrayList<>();
        List<Placed> cluster = new ArrayList<>();
        List<Integer> columnEnds = new ArrayList<>();
        int clusterEnd = -1;
        for (TimetableBlock block : sorted) {
            int start = minutes(block.start().toLocalTime());
            int end = block.end().toLocalDate().isAfter(block.day()) ? DAY_MINUTES
                    : minutes(block.end().toLocalTime());
            if (start >= clusterEnd && !cluster.isEmpty()) {
                flush(cluster, columnEnds.size(), result);
                columnEnds.clear();
            }
            int column = 0;
            while (column < columnEnds.size() && columnEnds.get(column) > start) {
                column++;
            }
            if (column == columnEnds.size()) {
                columnEnds.add(end);
            } else {
                columnEnds.set(column, end);
            }
            cluster.add(new Placed(block, day, start, end, column, 0));
            clusterEnd = cluster.size() == 1 ? end : Math.max(clusterEnd, end);
        }
        flush(cluster, columnEnds.size(), result);
        return List.copyOf(result);
    }

    private static void flush(List<Placed> cluster, int columns, List<Placed> into) {
        for (Placed p : cluster) {
            into.add(new Placed(p.block(), p.day(), p.startMinute(), p.endMinute(), p.column(), columns));
        }
        cluster.clear();
    }

    private static int minutes(LocalTime time) {
        return time.getHour() * 60 + time.getMinute();
    }

    public LocalDate monday() {
        return monday;
    }

    public LocalDate date(DayOfWeek day) {
        return monday.plusDays(day.getValue() - 1L);
    }

    /** First minute shown, a whole hour. */
    public int fromMinute() {
        return fromMinute;
    }

    /** Last minute shown, a whole hour (1440 for midnight). */
    public int toMinute() {
        return toMinute;
    }

    public int hours() {
        return (toMinute - fromMinute) / 60;
    }

    /** The days shown, in order. */
    public List<DayOfWeek> days() {
        return days;
    }

    /** The blocks of one day, by start. */
    public List<Placed> placed(DayOfWeek day) {
        return placed.getOrDefault(day, List.of());
    }

    public boolean isEmpty() {
        return placed.isEmpty();
    }
}

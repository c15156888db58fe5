package io.campuscrm.shared.timetable;

import java.time.DayOfWeek;
import java.time.LocalDate;
import java.time.LocalTime;
import java.util.ArrayList;
import java.util.List;

/**
 * A believable week of a bilingual tutoring centre, for the timetable's preview, screenshots and the printable
 * report's test: overlaps, a cancelled session, a short one, Saturday classes, Chinese names.
 */
public final class SampleTimetable {

    private SampleTimetable() {
    }

    public static List<TimetableBlock> week(LocalDate anyDay) {
        LocalDate monday = TimetableWeeks.mondayOf(anyDay);
        var blocks = new ArrayList<TimetableBlock>();
        for (DayOfWeek day : List.of(DayOfWeek.MONDAY, DayOfWeek.WEDNESDAY)) {
            add(blocks, monday, day, "15:30", "17:00", "P5 Mathematics · P5-A", "Room 101 · 陈伟明", "math-p5", false);
            add(blocks, monday, day, "16:00", "17:30", "中文 Sec 2 · S2-C", "Room 203 · 張老師", "chinese-s2", false);
            add(blocks, monday, day, "18:00", "19:30", "IELTS Preparation", "Room 105 · Sarah Lim", "ielts", false);
        }
        for (DayOfWeek day : List.of(DayOfWeek.TUESDAY, DayOfWeek.THURSDAY)) {
            add(blocks, monday, day, "09:30", "11:00", "Playgroup English", "Room 101 · Mei Chua", "playgroup", false);
            add(blocks, monday, day, "15:30", "17:00", "P6 Science · P6-B", "Lab 2 · Arjun Kumar", "science-p6",
                    day == DayOfWeek.THURSDAY);
            add(blocks, monday, day, "16:30", "18:00", "Sec 3 A-Math · S3-A", "Room 203 · 李娜", "amath-s3", false);
            add(blocks, monday, day, "17:00", "17:30", "Make-up: P5 Maths", "Room 104", "math-p5", false);
            add(blocks, monday, day, "19:00", "20:30", "Adult Mandarin 成人中文", "Room 105 · 王芳", "adult-mandarin",
                    false);
        }
        add(blocks, monday, DayOfWeek.FRIDAY, "16:00", "17:30", "P4 English Writing", "Room 102 · Chloe Teo",
                "english-p4", false);
        add(blocks, monday, DayOfWeek.FRIDAY, "19:30", "21:30", "JC1 H2 Physics", "Lab 1 · Ravi Pillai", "physics",
                false);
        add(blocks, monday, DayOfWeek.SATURDAY, "09:00", "10:30", "P3 Mathematics · P3-A", "Room 101 · 陈伟明",
                "math-p3", false);
        add(blocks, monday, DayOfWeek.SATURDAY, "09:00", "10:30", "P3 English · P3-B", "Room 102 · Chloe Teo",
                "english-p3", false);
        add(blocks, monday, DayOfWeek.SATURDAY, "09:30", "11:00", "Phonics", "Room 104 · Mei Chua", "playgroup",
                false);
        add(blocks, monday, DayOfWeek.SATURDAY, "11:00", "12:30", "Trial lesson: P5 Maths", "Room 101 · 陈伟明",
                "math-p5", false);
        add(blocks, monday, DayOfWeek.SATURDAY, "14:00", "15:30", "中文 P6 · P6-C", "Room 203 · 張老師",
                "chinese-s2", false);
        return blocks;
    }

    /** {@link #week} and more: about forty sessions, two of them cancelled, as a busy centre's printed week. */
    public static List<TimetableBlock> busyWeek(LocalDate anyDay) {
        LocalDate monday = TimetableWeeks.mondayOf(anyDay);
        var blocks = new ArrayList<>(week(monday));
        for (DayOfWeek day : List.of(DayOfWeek.MONDAY, DayOfWeek.TUESDAY, DayOfWeek.WEDNESDAY, DayOfWeek.THURSDAY,
                DayOfWeek.FRIDAY)) {
            add(blocks, monday, day, "10:00", "11:30", "Toddler Music 幼儿音乐", "Studio · Hui Min Lim", "music",
                    false);
            add(blocks, monday, day, "14:00", "15:00", "Homework Club", "Room 104 · Nurul Yeo", "homework",
                    day == DayOfWeek.FRIDAY);
            add(blocks, monday, day, "20:00", "21:30", "Business English (Evening)", "Room 102 · Marcus Ong",
                    "business-english", false);
        }
        add(blocks, monday, DayOfWeek.SUNDAY, "10:00", "12:00", "Holiday workshop: Robotics 机器人", "Lab 1 · Kai Tan",
                "robotics", false);
        add(blocks, monday, DayOfWeek.SUNDAY, "13:00", "15:00", "Holiday workshop: Coding", "Lab 1 · Kai Tan",
                "robotics", false);
        return blocks;
    }

    private static void add(List<TimetableBlock> blocks, LocalDate monday, DayOfWeek day, String start, String end,
            String title, String subtitle, String colorKey, boolean cancelled) {
        LocalDate date = monday.plusDays(day.getValue() - 1L);
        String id = "s-" + date + "-" + start.replace(":", "") + "-" + colorKey;
        blocks.add(new TimetableBlock(id, title, subtitle, date.atTime(LocalTime.parse(start)),
                date.atTime(LocalTime.parse(end)), colorKey, cancelled));
    }
}

package io.campuscrm.support;

import java.time.Clock;
import java.time.DayOfWeek;
import java.time.Duration;
import java.time.Instant;
import java.time.LocalDate;
import java.time.LocalTime;
import java.time.ZoneId;
import java.time.temporal.TemporalAdjusters;
import java.util.concurrent.atomic.AtomicReference;

/**
 * The clock every integration test runs on: fixed, far from the real date, so that no test can lean on today's date
 * being past or future. It stands at 10:00 in the demo institution's zone (Singapore) on {@link #today()}: by default
 * {@value #DEFAULT_TODAY} (a Wednesday), or the date given as {@code -Dcampuscrm.test.today=2028-09-15}, which CI uses
 * for a second pass on the real date. A test that needs time to move {@linkplain #advance advances} it, by seconds or
 * minutes: time only moves forward, as real time does, and never past the day (the tests share one application
 * context, and {@link #today()} stays the day they began on).
 */
public final class TestClock extends Clock {

    public static final String PROPERTY = "campuscrm.test.today";
    static final String DEFAULT_TODAY = "2029-05-16";
    /** The demo institution's time zone, in which "today" is meant. */
    public static final ZoneId ZONE = ZoneId.of("Asia/Singapore");

    private final AtomicReference<Instant> now;
    private final ZoneId zone;

    public TestClock() {
        this(new AtomicReference<>(startInstant()), ZoneId.of("UTC"));
    }

    private TestClock(AtomicReference<Instant> now, ZoneId zone) {
        this.now = now;
        this.zone = zone;
    }

    /** The tests' today, in the institution's zone, before any test advanced the clock. */
    public static LocalDate today() {
        String value = System.getProperty(PROPERTY, "");
        return LocalDate.parse(value.isBlank() ? DEFAULT_TODAY : value.strip());
    }

    /** The Monday of the tests' week, plus the given number of weeks. */
    public static LocalDate monday(int weeksFromThisWeek) {
        return today().with(TemporalAdjusters.previousOrSame(DayOfWeek.MONDAY)).plusWeeks(weeksFromThisWeek);
    }

    private static Instant startInstant() {
        return today().atTime(LocalTime.of(10, 0)).atZone(ZONE).toInstant();
    }

    public void advance(Duration duration) {
        now.updateAndGet(i -> i.plus(duration));
    }

    @Override
    public ZoneId getZone() {
        return zone;
    }

    @Override
    public Clock withZone(ZoneId other) {
        return other.equals(zone) ? this : new TestClock(now, other);
    }

    @Override
    public Instant instant() {
        return now.get();
    }
}

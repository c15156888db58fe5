package io.campuscrm.bench;

import java.util.List;
import java.util.Map;

/**
 * What one click cost, as the browser saw it (Resource Timing of Vaadin's UIDL requests, all in milliseconds since the
 * page's time origin): from the click to the moment the page was settled, and every server round trip the click
 * caused.
 *
 * @param clickToSettled from the click until the view was shown, Vaadin had no request pending and the browser had
 *                       drawn the next frame
 * @param roundTrips     the UIDL requests the click caused, in order: the first is the navigation itself
 * @param lateRoundTrips of those, the ones that started after the page looked settled (a deferred load)
 */
record ClickTiming(double clickToSettled, List<RoundTrip> roundTrips, int lateRoundTrips) {

    /**
     * One UIDL request.
     *
     * @param serverMillis  from sending the request to the first byte of the answer: on the loopback, the server's time
     * @param totalMillis   from the start of the request to the end of the answer
     * @param responseBytes the answer's body (Vaadin does not compress it), i.e. the UI changes sent to the browser
     * @param endMillis     when the answer had arrived, since the click
     */
    record RoundTrip(double serverMillis, double totalMillis, long responseBytes, double endMillis) {
    }

    @SuppressWarnings("unchecked")
    static ClickTiming fromScript(Object result) {
        var map = (Map<String, Object>) result;
        if (map.containsKey("error")) {
            throw new IllegalStateException("The page did not settle: " + map.get("error"));
        }
        double click = number(map.get("click"));
        var trips = ((List<Map<String, Object>>) map.get("uidl")).stream()
                .map(e -> new RoundTrip(number(e.get("responseStart")) - number(e.get("requestStart")),
                        number(e.get("duration")), (long) number(e.get("bytes")),
                        number(e.get("responseEnd")) - click))
                .toList();
        double settled = number(map.get("settled")) - click;
        int late = (int) trips.stream().filter(t -> t.endMillis() > settled).count();
        return new ClickTiming(settled, trips, late);
    }

    RoundTrip navigation() {
        return roundTrips.getFirst();
    }

    long responseBytes() {
        return roundTrips.stream().mapToLong(RoundTrip::responseBytes).sum();
    }

    /** What the browser spent after the last answer before the settling: building and drawing components. */
    double afterLastResponse() {
        return clickToSettled - roundTrips.stream().mapToDouble(RoundTrip::endMillis)
                .filter(end -> end <= clickToSettled).max().orElse(0);
    }

    private static double number(Object value) {
        return value == null ? 0 : ((Number) value).doubleValue();
    }
}

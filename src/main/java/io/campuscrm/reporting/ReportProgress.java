package io.campuscrm.reporting;

import java.util.OptionalDouble;

/**
 * How far a background report is. Filling does not know how many pages will come; writing them does.
 *
 * @param pages         pages filled so far
 * @param pagesExported pages written to the file so far
 */
public record ReportProgress(Stage stage, int pages, int pagesExported) {

    public enum Stage {
        QUEUED, FILLING, EXPORTING, DONE, FAILED
    }

    public static final ReportProgress QUEUED = new ReportProgress(Stage.QUEUED, 0, 0);

    /** Between 0 and 1 while writing pages; empty while the total is unknown. */
    public OptionalDouble fraction() {
        return switch (stage) {
            case EXPORTING -> pages == 0 ? OptionalDouble.empty()
                    : OptionalDouble.of(Math.min(1.0, (double) pagesExported / pages));
            case DONE -> OptionalDouble.of(1.0);
            default -> OptionalDouble.empty();
        };
    }

    public boolean finished() {
        return stage == Stage.DONE || stage == Stage.FAILED;
    }
}

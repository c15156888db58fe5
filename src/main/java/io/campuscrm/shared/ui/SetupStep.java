package io.campuscrm.shared.ui;

import java.util.function.BooleanSupplier;

/**
 * One step of a new school's set-up, contributed by the module that owns it and shown on the administrators'
 * set-up checklist: what to do, whether it is done, and the screen that does it. The checklist asks only for an
 * administrator, on every dashboard it appears on, so {@link #done()} must be cheap: one indexed query at most.
 */
public interface SetupStep {

    /** Lower comes first. */
    int order();

    /** The message key of what to do, e.g. {@code setup.rooms}. */
    String labelKey();

    /** The route of the screen where it is done. */
    String route();

    boolean done();

    /** A step whose check is {@code done}, asked each time the checklist is shown. */
    static SetupStep of(int order, String labelKey, String route, BooleanSupplier done) {
        return new SetupStep() {
            @Override
            public int order() {
                return order;
            }

            @Override
            public String labelKey() {
                return labelKey;
            }

            @Override
            public String route() {
                return route;
            }

            @Override
            public boolean done() {
                return done.getAsBoolean();
            }
        };
    }
}

package io.campuscrm.scheduling;

/**
 * The rule of the scheduling module's reads, shared by its services: every office role and teachers read the
 * schedule, each within their scope ({@link io.campuscrm.scheduling.internal.SchedulingAccess}). Each method names
 * its rule; the table {@code authorization-rules.txt} lists them method by method.
 */
final class SchedulingRoles {

    static final String READERS = "hasAnyRole('ADMIN', 'ADMISSIONS', 'TEACHER', 'FINANCE')";

    private SchedulingRoles() {
    }
}

package io.campuscrm.admissions;

/**
 * An admissions user's day in figures: their open leads whose next action is due today, overdue, or missing, and
 * the new leads waiting in the pools of their campuses.
 */
public record LeadWork(long dueToday, long overdue, long withoutNextStep, long newInPool) {
}

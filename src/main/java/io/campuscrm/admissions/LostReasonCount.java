package io.campuscrm.admissions;

/**
 * How many leads of a campus were lost for a reason in the report's period: leads whose stage is Lost, lost (their
 * latest move to Lost) on a day of the period.
 */
public record LostReasonCount(long campusId, String campusName, long reasonId, ReportLabel reason, long leads) {
}

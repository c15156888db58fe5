package io.campuscrm.admissions;

/**
 * What a user did with a campus's pool (公海) in the report's period: the leads they claimed from it, the leads they
 * released into it, and their leads that went back to it on their own (no follow-up for too long).
 */
public record PoolActivity(long campusId, String campusName, long userId, ReportLabel user, long claimed,
        long released, long returned) {
}

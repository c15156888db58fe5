package io.campuscrm.scheduling;

import java.math.BigDecimal;

/** A course: what is taught (subject and level), how long a lesson usually lasts and what it usually costs. */
public record Course(long id, String code, String name, String subject, String level, int sessionMinutes,
        BigDecimal lessonPrice, boolean active, long version) {
}

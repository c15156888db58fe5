package io.campuscrm.admissions;

import java.time.LocalDate;

import org.jspecify.annotations.Nullable;

/**
 * A lead as a board's card shows it: who, whose (null: the campus's pool), from where, what is next and whether it is
 * overdue — the id and version to move it with. Made a page at a time, the owners' names read once per page.
 */
public record LeadCard(long id, long version, String childName, @Nullable String guardianName,
        @Nullable Long ownerId, @Nullable String ownerName, LeadChoice source, LeadStage stage,
        @Nullable NextAction nextAction, @Nullable LocalDate nextActionOn, boolean overdue) {
}

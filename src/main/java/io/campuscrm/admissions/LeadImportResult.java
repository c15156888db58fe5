package io.campuscrm.admissions;

/**
 * What a lead import created.
 *
 * @param leads  the leads, all New
 * @param inPool those left in their campus's pool (no owner given)
 * @param linked those whose child was linked to a family the school knows (a sibling)
 */
public record LeadImportResult(int leads, int inPool, int linked) {
}

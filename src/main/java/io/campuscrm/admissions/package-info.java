/**
 * Admissions (招生): enrollment leads — every inquiry captured once, with a campus, a source, an owner or its
 * campus's pool, and a next step — through {@link io.campuscrm.admissions.LeadService}. A new lead is checked against
 * the leads, students and guardians the school knows by phone (E.164) and e-mail; stages move from New to Enrolled or
 * Lost, each change kept on the lead's history; follow-ups (calls, messages, meetings, notes) set the next action.
 * The editable lists (sources, lost reasons) and the campaigns are the administrators' to change, through
 * {@link io.campuscrm.admissions.LeadCatalogService}. A lead's child may come to trial lessons (试听) through
 * {@link io.campuscrm.admissions.TrialService}: a guest seat on a session's attendance roster.
 */
@ApplicationModule(displayName = "Admissions", allowedDependencies = {"shared", "security", "institution",
        "students", "scheduling", "attendance", "notifications"})
@NullMarked
package io.campuscrm.admissions;

import org.jspecify.annotations.NullMarked;
import org.springframework.modulith.ApplicationModule;

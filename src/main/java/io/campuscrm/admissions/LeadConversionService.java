package io.campuscrm.admissions;

import java.time.Clock;
import java.time.LocalDate;
import java.util.List;
import java.util.Set;

import org.springframework.context.ApplicationEventPublisher;
import org.springframework.security.access.prepost.PreAuthorize;
import org.springframework.stereotype.Service;
import org.springframework.transaction.annotation.Isolation;
import org.springframework.transaction.annotation.Transactional;
import org.springframework.util.StringUtils;
import org.springframework.validation.annotation.Validated;

import io.campuscrm.admissions.internal.ConversionStore;
import io.campuscrm.admissions.internal.LeadStore;
import io.campuscrm.institution.InstitutionService;
import io.campuscrm.scheduling.ClassSearch;
import io.campuscrm.scheduling.ClassStatus;
import io.campuscrm.scheduling.CourseService;
import io.campuscrm.scheduling.EnrollmentService;
import io.campuscrm.scheduling.EnrollmentStatus;
import io.campuscrm.shared.audit.AuditAction;
import io.campuscrm.shared.audit.AuditEvent;
import io.campuscrm.shared.audit.AuditSummary;
import io.campuscrm.shared.domain.DomainException;
import io.campuscrm.shared.domain.NotFoundException;
import io.campuscrm.shared.domain.StaleEditException;
import io.campuscrm.shared.i18n.Language;
import io.campuscrm.shared.security.CurrentUser;
import io.campuscrm.students.FamilyDraft;
import io.campuscrm.students.FamilyService;
import io.campuscrm.students.GuardianDraft;
import io.campuscrm.students.NewStudent;
import io.campuscrm.students.StudentChanges;
import io.campuscrm.students.StudentDraft;
import io.campuscrm.students.StudentStatus;

import jakarta.validation.Valid;

/**
 * Converting a lead into a student, in one transaction (decision 0079): the student is created in the family the
 * school knows (the duplicate check's, chosen by the user) or in a new one with the lead's guardian; enrolled in a
 * class of the lead's campus (or put on its waiting list), or the lesson package chosen is recorded for the finance
 * office to sell; the lead is marked Enrolled, on its history. A failure anywhere leaves no student, no family
 * change, no enrollment and the lead as it was. Scheduling publishes {@code StudentEnrolled} for the enrollment (what
 * billing invoices, once); admissions publishes {@link LeadConverted} for the funnel and the cost per enrolment.
 */
@Service
@Validated
@Transactional(readOnly = true)
public class LeadConversionService {

    private final LeadService leads;
    private final LeadStore store;
    private final ConversionStore conversions;
    private final ConversionSteps steps;
    private final StudentChanges students;
    private final FamilyService families;
    private final EnrollmentService enrollments;
    private final ClassSearch classes;
    private final CourseService courses;
    private final InstitutionService institution;
    private final CurrentUser currentUser;
    private final ApplicationEventPublisher events;
    private final Clock clock;

    LeadConversionService(LeadService leads, LeadStore store, ConversionStore conversions, ConversionSteps steps,
            StudentChanges students, FamilyService families, EnrollmentService enrollments, ClassSearch classes,
            CourseService courses, InstitutionService institution, CurrentUser currentUser,
            ApplicationEventPublisher events, Clock clock) {
        this.leads = leads;
        this.store = store;
        this.conversions = conversions;
        this.steps = steps;
        this.students = students;
        this.families = families;
        this.enrollments = enrollments;
        this.classes = classes;
        this.courses = courses;
        this.institution = institution;
        this.currentUser = currentUser;
        this.events = events;
        this.clock = clock;
    }

    /**
     * Converts the lead: all of it, or nothing.
     *
     * @throws io.campuscrm.students.PossibleDuplicatesException when the student or guardian look like people the
     *                                                           school knows and {@code createAnyway} is false
     * @throws DomainException    when the lead is closed, merged or converted already; on {@code classId} for a class
     *                            of another campus, closed, full without a waiting list, or clashing for the child;
     *                            on {@code packageCourseId} for a package chosen with a class too, or half given;
     *                            on {@code guardianName} when a new family needs the guardian the lead lacks
     * @throws StaleEditException when someone changed the lead since {@code version}
     * @throws NotFoundException  for a lead, family or class out of the user's reach
     */
    @PreAuthorize(AdmissionsRoles.LEADS)
    @Transactional(isolation = Isolation.READ_COMMITTED)
    public Conversion convert(long leadId, long version, @Valid ConversionDraft draft) {
        var lead = leads.get(leadId);
        requireConvertible(lead);
        if (conversions.lockVersion(leadId).orElseThrow(NotFoundException::new) != version) {
            throw stale(leadId);
        }
        requireClassOrPackage(lead, draft);
        var now = clock.instant();
        String user = currentUser.username();

        boolean newFamily = draft.familyId() == null;
        if (!newFamily) {
            // the family must be one the user may see
            families.family(draft.familyId());
        }
        var student = new StudentDraft(draft.fullName().strip(), null, text(draft.chineseName()), draft.birthDate(),
                null, null, text(draft.school()), text(draft.grade()), StudentStatus.ACTIVE, lead.campusId(),
                Set.of());
        NewStudent request;
        if (newFamily) {
            if (!StringUtils.hasText(lead.guardianName())) {
                throw new DomainException("guardianName", "lead.convert.error.guardian-name");
            }
            var language = lead.language() == null ? null : Language.ofTag(lead.language()).orElse(null);
            request = new NewStudent(student, null, FamilyDraft.unnamed(), List.of(new GuardianDraft(
                    lead.guardianName(), draft.relationship(), lead.phone(), lead.email(), language, true)),
                    draft.createAnyway());
        } else {
            request = new NewStudent(student, draft.familyId(), null, List.of(), draft.createAnyway());
        }
        var created = students.create(request);
        steps.passed(ConversionSteps.Step.STUDENT);

        io.campuscrm.scheduling.Enrollment enrollment = null;
        if (draft.classId() != null) {
            enrollment = enrollments.enroll(draft.classId(), created.id(), draft.enrollOn() != null
                    ? draft.enrollOn() : today());
        }
        steps.passed(ConversionSteps.Step.ENROLLMENT);

        if (!conversions.markConverted(leadId, version, created.id(), created.familyId(), now, user)) {
            throw stale(leadId);
        }
        boolean waiting = enrollment != null && enrollment.status() == EnrollmentStatus.WAITING;
        conversions.record(new io.campuscrm.admissions.internal.ConversionStore.NewConversion(leadId,
                lead.campusId(), created.id(), created.familyId(), newFamily, draft.classId(),
                enrollment == null ? null : enrollment.id(), waiting, draft.packageCourseId(), draft.packageUnit(),
                draft.packageQuantity(), lead.sourceId(), lead.campaignId(), lead.ownerId()), now, user);
        store.event(leadId, "STAGE", lead.stage().name(), LeadStage.ENROLLED.name(), null, now, user);
        store.event(leadId, "CONVERTED", null, String.valueOf(created.id()), created.studentNumber(), now, user);
        steps.passed(ConversionSteps.Step.LEAD);

        events.publishEvent(AuditEvent.of(AuditAction.UPDATE, "Lead", leadId, AuditSummary.of(
                "audit.lead.converted", lead.childName(), created.studentNumber())));
        events.publishEvent(new LeadConverted(leadId, created.id(), created.familyId(), lead.campusId(),
                lead.sourceId(), lead.campaignId(), lead.ownerId(), draft.classId(),
                enrollment == null ? null : enrollment.id(), waiting, draft.packageCourseId(), draft.packageUnit(),
                draft.packageQuantity(), now));
        steps.passed(ConversionSteps.Step.PUBLISHED);
        return new Conversion(store.find(leadId).orElseThrow(), created.id(), created.studentNumber(),
                created.familyId(), newFamily, enrollment);
    }

    /** The student a lead became, if it was converted and the user may see the lead. */
    @PreAuthorize(AdmissionsRoles.LEADS)
    public java.util.Optional<Long> studentOf(long leadId) {
        var lead = leads.get(leadId);
        return java.util.Optional.ofNullable(lead.studentId());
    }

    private void requireConvertible(Lead lead) {
        if (lead.mergedIntoId() != null) {
            throw new DomainException(null, "lead.convert.error.merged");
        }
        if (lead.stage() == LeadStage.ENROLLED) {
            throw new DomainException(null, "lead.convert.error.converted");
        }
        if (lead.stage() == LeadStage.LOST) {
            throw new DomainException(null, "lead.convert.error.lost");
        }
    }

    private void requireClassOrPackage(Lead lead, ConversionDraft draft) {
        boolean anyPackage = draft.packageCourseId() != null || draft.packageQuantity() != null
                || draft.packageUnit() != null;
        if (draft.classId() != null && anyPackage) {
            throw new DomainException("packageCourseId", "lead.convert.error.class-or-package");
        }
        if (anyPackage) {
            if (draft.packageCourseId() == null) {
                throw new DomainException("packageCourseId", "lead.convert.error.package-course");
            }
            if (draft.packageUnit() == null || draft.packageQuantity() == null) {
                throw new DomainException("packageQuantity", "lead.convert.error.package-quantity");
            }
            courses.get(draft.packageCourseId());
        }
        if (draft.classId() != null) {
            var schoolClass = classes.get(draft.classId());
            if (schoolClass.campusId() != lead.campusId()) {
                throw new DomainException("classId", "lead.convert.error.class-campus");
            }
            if (schoolClass.status() == ClassStatus.FINISHED || schoolClass.status() == ClassStatus.CANCELLED) {
                throw new DomainException("classId", "lead.convert.error.class-closed");
            }
        }
    }

    private StaleEditException stale(long id) {
        var now = store.find(id).orElseThrow(NotFoundException::new);
        return new StaleEditException(String.valueOf(now.updatedBy()), now.updatedAt());
    }

    private LocalDate today() {
        return LocalDate.now(clock.withZone(institution.settings().timeZone()));
    }

    private static @org.jspecify.annotations.Nullable String text(@org.jspecify.annotations.Nullable String value) {
        return StringUtils.hasText(value) ? value.strip() : null;
    }
}

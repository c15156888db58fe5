package io.campuscrm.attendance;

import java.util.Collection;
import java.util.HashMap;
import java.util.Map;

import org.jspecify.annotations.Nullable;
import org.springframework.context.ApplicationEventPublisher;
import org.springframework.security.access.prepost.PreAuthorize;
import org.springframework.stereotype.Service;
import org.springframework.transaction.annotation.Transactional;

import io.campuscrm.attendance.internal.ConsumptionPolicy;
import io.campuscrm.scheduling.CourseService;
import io.campuscrm.shared.audit.AuditAction;
import io.campuscrm.shared.audit.AuditEvent;
import io.campuscrm.shared.audit.AuditSummary;

/**
 * Each course's consumption policy: which statuses consume a lesson. A course without its own follows the
 * institution's settings. A change applies to marks saved from then on; what was consumed stays as it was.
 */
@Service
@Transactional(readOnly = true)
public class ConsumptionPolicyService {

    private final ConsumptionPolicy policies;
    private final CourseService courses;
    private final ApplicationEventPublisher events;

    ConsumptionPolicyService(ConsumptionPolicy policies, CourseService courses, ApplicationEventPublisher events) {
        this.policies = policies;
        this.courses = courses;
        this.events = events;
    }

    /** The policies of these courses (a page of the course list), by course id. */
    @PreAuthorize("hasRole('ADMIN')")
    public Map<Long, CoursePolicy> of(Collection<Long> courseIds) {
        var own = policies.own(courseIds);
        var fallback = policies.institutionDefault();
        Map<Long, CoursePolicy> result = new HashMap<>();
        for (long id : courseIds) {
            var p = own.get(id);
            result.put(id, view(id, p != null, p != null ? p : fallback));
        }
        return result;
    }

    /** Gives the course its own policy, or with null makes it follow the institution's settings again. */
    @PreAuthorize("hasRole('ADMIN')")
    @Transactional
    public CoursePolicy set(long courseId, @Nullable CoursePolicy policy) {
        var course = courses.get(courseId);
        policies.set(courseId, policy == null ? null : new ConsumptionPolicy.Policy(policy.present(), policy.late(),
                policy.absent(), policy.excused(), policy.leftEarly()));
        events.publishEvent(AuditEvent.of(AuditAction.UPDATE, "ConsumptionPolicy", courseId, AuditSummary.of(
                policy == null ? "audit.policy.institution" : "audit.policy.own", course.code())));
        return of(java.util.List.of(courseId)).get(courseId);
    }

    private static CoursePolicy view(long courseId, boolean own, ConsumptionPolicy.Policy p) {
        return new CoursePolicy(courseId, own, p.present(), p.late(), p.absent(), p.excused(), p.leftEarly());
    }
}

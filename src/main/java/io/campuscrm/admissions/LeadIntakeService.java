package io.campuscrm.admissions;

import java.time.Duration;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Objects;

import org.jspecify.annotations.Nullable;
import org.springframework.dao.DuplicateKeyException;
import org.springframework.data.domain.PageRequest;
import org.springframework.data.domain.Sort;
import org.springframework.security.access.prepost.PreAuthorize;
import org.springframework.stereotype.Service;
import org.springframework.transaction.annotation.Transactional;
import org.springframework.util.StringUtils;

import io.campuscrm.admissions.internal.AdmissionsSettings;
import io.campuscrm.admissions.internal.IntakeKeyStore;
import io.campuscrm.admissions.internal.LeadStore;
import io.campuscrm.admissions.internal.RateLimiter;
import io.campuscrm.institution.InstitutionService;
import io.campuscrm.institution.Settings;
import io.campuscrm.notifications.MailKind;
import io.campuscrm.notifications.MailMessage;
import io.campuscrm.notifications.OutboxService;
import io.campuscrm.scheduling.CourseFilter;
import io.campuscrm.scheduling.CourseService;
import io.campuscrm.shared.i18n.Language;

/**
 * Leads from outside: the public inquiry form and the intake endpoint. Nobody is signed in there, so their web
 * controllers call this as the system, and this does the gatekeeping itself: the endpoint's key (unknown and
 * revoked ones refused alike), the per-key and per-address limits, the form's trap for robots, the same rules as
 * staff entry for every field (all of a request's problems at once, by field name), the caller's request id and
 * the same inquiry sent again within minutes (one lead, not two). Such leads go to their campus's pool, New, with
 * the guardian's language; the form's guardian gets a confirmation by e-mail through the outbox.
 * <p>
 * No signed-in user holds the system's role, so no screen can call these methods.
 */
@Service
@Transactional(readOnly = true)
public class LeadIntakeService {

    /** The actor the form's leads are recorded as created by. */
    public static final String FORM_ACTOR = "inquiry-form";
    private static final String SYSTEM = "hasRole('SYSTEM')";
    private static final int LONGEST_REQUEST_ID = 64;
    private static final int MOST_COURSES = 200;

    private final LeadEntry entry;
    private final LeadStore leads;
    private final IntakeKeyStore keys;
    private final RateLimiter limiter;
    private final Settings settings;
    private final InstitutionService institution;
    private final CourseService courses;
    private final OutboxService outbox;

    LeadIntakeService(LeadEntry entry, LeadStore leads, IntakeKeyStore keys, RateLimiter limiter, Settings settings,
            InstitutionService institution, CourseService courses, OutboxService outbox) {
        this.entry = entry;
        this.leads = leads;
        this.keys = keys;
        this.limiter = limiter;
        this.settings = settings;
        this.institution = institution;
        this.courses = courses;
        this.outbox = outbox;
    }

    /** The campuses a parent may choose on the form: the active ones, by name. */
    @PreAuthorize(SYSTEM)
    public List<InquiryOption> campuses() {
        return institution.campuses().stream().filter(c -> c.active())
                .map(c -> new InquiryOption(c.id(), c.name())).toList();
    }

    /** The courses a parent may ask about: the active ones, by name (the first 200). */
    @PreAuthorize(SYSTEM)
    public List<InquiryOption> courses() {
        return courses.find(new CourseFilter(null, true), PageRequest.of(0, MOST_COURSES, Sort.by("name")))
                .map(c -> new InquiryOption(c.id(), c.name())).getContent();
    }

    /**
     * Takes an inquiry from the public form, sent from {@code address}.
     *
     * @throws RateLimitedException   when the address sent more than the setting allows within the hour
     * @throws IntakeRefusedException with every wrong field; nothing is saved
     */
    @PreAuthorize(SYSTEM)
    @Transactional
    public IntakeOutcome submit(Inquiry inquiry, String address) {
        limit("form:" + address, settings.get(AdmissionsSettings.INQUIRIES_PER_ADDRESS), Duration.ofHours(1));
        if (StringUtils.hasText(inquiry.trap())) {
            return IntakeOutcome.ignored();
        }
        var draft = new LeadDraft(inquiry.campusId() == null ? -1 : inquiry.campusId(),
                Objects.requireNonNullElse(inquiry.childName(), ""), inquiry.guardianName(), inquiry.phone(),
                inquiry.email(), inquiry.courseId(), inquiry.preferredTimes(), inquiry.message(), websiteSource(),
                null, null, inquiry.consent() ? inquiry.consentText() : null);
        var checked = entry.check(draft);
        Map<String, String> errors = new LinkedHashMap<>(checked.errors());
        if (inquiry.campusId() == null) {
            errors.put("campusId", "inquiry.error.campus");
        }
        if (!inquiry.consent()) {
            errors.put("consent", "inquiry.error.consent");
        }
        errors.remove("sourceId");
        if (!errors.isEmpty()) {
            throw new IntakeRefusedException(errors);
        }
        var again = entry.resubmitted(checked, settings.get(AdmissionsSettings.RESUBMISSION_WINDOW));
        if (again.isPresent()) {
            return IntakeOutcome.repeated(again.get());
        }
        var lead = entry.insert(checked, LeadChannel.FORM, null, FORM_ACTOR, null, inquiry.language(), null);
        if (lead.email() != null && settings.get(AdmissionsSettings.CONFIRMATION_EMAIL)) {
            String campus = institution.campusesById(List.of(lead.campusId())).get(lead.campusId()).name();
            outbox.enqueue(new MailMessage(MailKind.INQUIRY_RECEIVED, lead.email(), lead.guardianName(),
                    inquiry.language(), List.of(lead.childName(), campus)));
        }
        return IntakeOutcome.created(lead.id());
    }

    /**
     * Takes a lead from the intake endpoint, with the caller's key.
     *
     * @throws IntakeKeyRefusedException when the key is missing, unknown or revoked
     * @throws RateLimitedException      when the key sent more than its limit within the minute
     * @throws IntakeRefusedException    with every wrong field; nothing is saved
     */
    @PreAuthorize(SYSTEM)
    @Transactional
    public IntakeOutcome submit(@Nullable String secret, IntakeRequest request) {
        if (!StringUtils.hasText(secret)) {
            throw new IntakeKeyRefusedException();
        }
        var key = keys.bySecret(secret.strip()).filter(k -> !k.revoked())
                .orElseThrow(IntakeKeyRefusedException::new);
        limit("key:" + key.id(), key.perMinute(), Duration.ofMinutes(1));
        keys.used(key.id(), entry.now());
        Map<String, String> errors = new LinkedHashMap<>();
        String requestId = null;
        if (request.requestId() != null) {
            if (request.requestId().isBlank() || request.requestId().length() > LONGEST_REQUEST_ID) {
                errors.put("requestId", "intake.error.request-id");
            } else {
                requestId = key.id() + ":" + request.requestId();
                var earlier = leads.byRequest(requestId);
                if (earlier.isPresent()) {
                    return IntakeOutcome.repeated(earlier.get());
                }
            }
        }
        Long campusId = request.campusId() != null ? request.campusId() : key.campusId();
        Language language = null;
        if (StringUtils.hasText(request.language())) {
            language = Language.ofTag(request.language()).orElse(null);
            if (language == null) {
                errors.put("language", "intake.error.language");
            }
        }
        var draft = new LeadDraft(campusId == null ? -1 : campusId,
                Objects.requireNonNullElse(request.childName(), ""), request.guardianName(), request.phone(),
                request.email(), request.courseId(), request.preferredTimes(), request.message(), key.sourceId(),
                key.campaignId(), null, request.consentText());
        var checked = entry.check(draft);
        errors.putAll(checked.errors());
        if (campusId == null) {
            errors.put("campusId", "intake.error.campus-required");
        }
        if (request.consentText() != null && request.consentText().length() > 1000) {
            errors.put("consentText", "lead.error.too-long");
        }
        if (!errors.isEmpty()) {
            throw new IntakeRefusedException(errors);
        }
        var again = entry.resubmitted(checked, settings.get(AdmissionsSettings.RESUBMISSION_WINDOW));
        if (again.isPresent()) {
            return IntakeOutcome.repeated(again.get());
        }
        try {
            var lead = entry.insert(checked, LeadChannel.API, null, "intake:" + key.name(), requestId, language,
                    key.id());
            return IntakeOutcome.created(lead.id());
        } catch (DuplicateKeyException sameRequestMeanwhile) {
            return IntakeOutcome.repeated(leads.byRequest(Objects.requireNonNull(requestId)).orElseThrow());
        }
    }

    private void limit(String bucket, int perWindow, Duration window) {
        var wait = limiter.acquire(bucket, perWindow, window);
        if (wait.isPresent()) {
            throw new RateLimitedException(wait.get());
        }
    }

    private long websiteSource() {
        var sources = leads.entries("lead_source").values();
        return sources.stream().filter(e -> e.active() && "lead.source.website".equals(e.labelKey())).findFirst()
                .or(() -> sources.stream().filter(LeadStore.Entry::active).findFirst())
                .orElseThrow().id();
    }
}

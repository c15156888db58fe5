package io.campuscrm.admissions.web;

import java.net.URI;
import java.util.LinkedHashMap;
import java.util.Map;
import java.util.Objects;

import org.jspecify.annotations.Nullable;
import org.springframework.context.MessageSource;
import org.springframework.http.CacheControl;
import org.springframework.http.HttpHeaders;
import org.springframework.http.HttpStatus;
import org.springframework.http.MediaType;
import org.springframework.http.ResponseEntity;
import org.springframework.stereotype.Controller;
import org.springframework.util.MultiValueMap;
import org.springframework.util.StringUtils;
import org.springframework.web.bind.annotation.GetMapping;
import org.springframework.web.bind.annotation.PostMapping;
import org.springframework.web.bind.annotation.RequestMapping;
import org.springframework.web.bind.annotation.RequestParam;

import io.campuscrm.admissions.Inquiry;
import io.campuscrm.admissions.IntakeRefusedException;
import io.campuscrm.admissions.LeadIntakeService;
import io.campuscrm.admissions.RateLimitedException;
import io.campuscrm.admissions.internal.AdmissionsSettings;
import io.campuscrm.institution.InstitutionService;
import io.campuscrm.institution.Settings;
import io.campuscrm.shared.i18n.Language;
import io.campuscrm.shared.security.SystemAuthentication;
import jakarta.servlet.http.HttpServletRequest;

/**
 * The public inquiry page ({@value #PATH}): the form, its answer (a redirect to the thank-you page, so that a reload
 * does not send it again; the form again with each wrong field marked; a "too many" page), in the language the
 * parent chose ({@code ?lang=zh-CN}) or their browser asks for. {@code ?embed=1} leaves out the page's own header for
 * a frame on the school's site; {@code ?campus=ID} preselects a campus. Only this route may be framed, by the sites
 * of the {@code admissions.inquiry-frame-ancestors} setting.
 */
@Controller
@RequestMapping(InquiryController.PATH)
class InquiryController {

    static final String PATH = "/inquiry";
    private static final String THANKS = "/thanks";

    private final LeadIntakeService intake;
    private final InstitutionService institution;
    private final Settings settings;
    private final MessageSource messages;

    InquiryController(LeadIntakeService intake, InstitutionService institution, Settings settings,
            MessageSource messages) {
        this.intake = intake;
        this.institution = institution;
        this.settings = settings;
        this.messages = messages;
    }

    @GetMapping
    ResponseEntity<String> form(@RequestParam MultiValueMap<String, String> params, HttpServletRequest request) {
        return SystemAuthentication.call(() -> {
            var page = page(params, request);
            Map<String, String> values = new LinkedHashMap<>();
            String campus = params.getFirst(InquiryPage.CAMPUS);
            if (campus != null) {
                values.put(InquiryPage.CAMPUS, campus);
            }
            return html(HttpStatus.OK, page.form(intake.campuses(), intake.courses(), values, Map.of()));
        });
    }

    @PostMapping(consumes = MediaType.APPLICATION_FORM_URLENCODED_VALUE)
    ResponseEntity<String> send(@RequestParam MultiValueMap<String, String> params, HttpServletRequest request) {
        return SystemAuthentication.call(() -> {
            var page = page(params, request);
            var language = language(params, request);
            Map<String, String> values = new LinkedHashMap<>();
            for (String name : new String[] {InquiryPage.CAMPUS, InquiryPage.CHILD, InquiryPage.GUARDIAN,
                    InquiryPage.PHONE, InquiryPage.EMAIL, InquiryPage.COURSE, InquiryPage.TIMES, InquiryPage.MESSAGE,
                    InquiryPage.CONSENT}) {
                String value = params.getFirst(name);
                if (value != null) {
                    values.put(name, value);
                }
            }
            var inquiry = new Inquiry(id(values.get(InquiryPage.CAMPUS)), values.get(InquiryPage.CHILD),
                    values.get(InquiryPage.GUARDIAN), values.get(InquiryPage.PHONE), values.get(InquiryPage.EMAIL),
                    id(values.get(InquiryPage.COURSE)), values.get(InquiryPage.TIMES),
                    values.get(InquiryPage.MESSAGE), "yes".equals(values.get(InquiryPage.CONSENT)),
                    page.consentText(), language, params.getFirst(InquiryPage.TRAP));
            try {
                intake.submit(inquiry, request.getRemoteAddr());
            } catch (IntakeRefusedException refused) {
                Map<String, String> errors = new LinkedHashMap<>();
                refused.errors().forEach((field, key) -> errors.put(InquiryPage.FIELDS.getOrDefault(field, field),
                        key));
                return html(HttpStatus.UNPROCESSABLE_CONTENT, page.form(intake.campuses(), intake.courses(), values,
                        errors));
            } catch (RateLimitedException tooMany) {
                long minutes = Math.max(1, (tooMany.retryAfter().toSeconds() + 59) / 60);
                var answer = html(HttpStatus.TOO_MANY_REQUESTS, page.tooMany(minutes,
                        institution.settings().phone()));
                return ResponseEntity.status(HttpStatus.TOO_MANY_REQUESTS).headers(answer.getHeaders())
                        .header(HttpHeaders.RETRY_AFTER, String.valueOf(tooMany.retryAfter().toSeconds()))
                        .body(answer.getBody());
            }
            String query = "?" + InquiryPage.LANG + "=" + language.tag()
                    + (embed(params) ? "&" + InquiryPage.EMBED + "=1" : "");
            return ResponseEntity.status(HttpStatus.SEE_OTHER)
                    .location(URI.create(request.getContextPath() + PATH + THANKS + query)).build();
        });
    }

    @GetMapping(THANKS)
    ResponseEntity<String> thanks(@RequestParam MultiValueMap<String, String> params, HttpServletRequest request) {
        return SystemAuthentication.call(() -> html(HttpStatus.OK, page(params, request).thanks()));
    }

    private InquiryPage page(MultiValueMap<String, String> params, HttpServletRequest request) {
        return new InquiryPage(messages, language(params, request), institution.publicProfile().name(),
                request.getContextPath() + PATH, embed(params));
    }

    /** The language asked for, else the browser's if the product speaks it, else the institution's. */
    private Language language(MultiValueMap<String, String> params, HttpServletRequest request) {
        var asked = Language.ofTag(params.getFirst(InquiryPage.LANG));
        if (asked.isPresent()) {
            return asked.get();
        }
        if (StringUtils.hasText(request.getHeader(HttpHeaders.ACCEPT_LANGUAGE))) {
            var browser = Language.of(request.getLocale());
            if (browser.isPresent()) {
                return browser.get();
            }
        }
        return Language.of(institution.publicProfile().locale()).orElse(Language.ENGLISH);
    }

    private static boolean embed(MultiValueMap<String, String> params) {
        return "1".equals(params.getFirst(InquiryPage.EMBED));
    }

    private static @Nullable Long id(@Nullable String value) {
        if (value == null || !value.strip().matches("\\d{1,18}")) {
            return null;
        }
        return Long.valueOf(value.strip());
    }

    private ResponseEntity<String> html(HttpStatus status, String body) {
        String ancestors = Objects.requireNonNullElse(settings.get(AdmissionsSettings.FRAME_ANCESTORS), "*").strip();
        if (ancestors.isEmpty() || !ancestors.matches("[\\w\\s*.:/'-]+")) {
            ancestors = "'none'";
        }
        return ResponseEntity.status(status).contentType(new MediaType(MediaType.TEXT_HTML, java.nio.charset
                .StandardCharsets.UTF_8)).cacheControl(CacheControl.noStore())
                .header("Content-Security-Policy", "default-src 'none'; style-src 'unsafe-inline'; img-src 'self';"
                        + " form-action 'self'; base-uri 'none'; frame-ancestors " + ancestors)
                .header("Referrer-Policy", "same-origin").body(body);
    }
}

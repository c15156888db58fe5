package io.campuscrm.admissions.web;

import java.net.URI;
import java.util.LinkedHashMap;
import java.util.Locale;
import java.util.Map;

import org.jspecify.annotations.Nullable;
import org.springframework.context.MessageSource;
import org.springframework.http.HttpHeaders;
import org.springframework.http.HttpStatus;
import org.springframework.http.MediaType;
import org.springframework.http.ResponseEntity;
import org.springframework.http.converter.HttpMessageNotReadableException;
import org.springframework.web.HttpMediaTypeNotSupportedException;
import org.springframework.web.bind.annotation.ExceptionHandler;
import org.springframework.web.bind.annotation.PostMapping;
import org.springframework.web.bind.annotation.RequestBody;
import org.springframework.web.bind.annotation.RequestHeader;
import org.springframework.web.bind.annotation.RequestMapping;
import org.springframework.web.bind.annotation.RestController;

import io.campuscrm.admissions.IntakeKeyRefusedException;
import io.campuscrm.admissions.IntakeOutcome;
import io.campuscrm.admissions.IntakeRefusedException;
import io.campuscrm.admissions.IntakeRequest;
import io.campuscrm.admissions.LeadIntakeService;
import io.campuscrm.admissions.RateLimitedException;
import io.campuscrm.shared.i18n.Language;
import io.campuscrm.shared.security.SystemAuthentication;
import jakarta.servlet.http.HttpServletRequest;

/**
 * The intake endpoint, {@code POST /api/intake/leads}: a lead as JSON ({@link IntakeRequest}'s names) with the
 * caller's key as {@code Authorization: Bearer <key>} (or {@code X-Api-Key}). Answers 201 with the new lead's id;
 * 200 with the same id when the request id (or the same inquiry within minutes) was seen before; 400 with each wrong
 * field's message by its name, in the {@code Accept-Language} asked for; 401 for a missing, unknown or revoked key;
 * 429 with {@code Retry-After} over the key's limit. README, "Intake endpoint", has a {@code curl} example.
 */
@RestController
@RequestMapping("/api/intake")
class IntakeController {

    private static final String BEARER = "Bearer ";

    private final LeadIntakeService intake;
    private final MessageSource messages;

    IntakeController(LeadIntakeService intake, MessageSource messages) {
        this.intake = intake;
        this.messages = messages;
    }

    @PostMapping(path = "/leads", consumes = MediaType.APPLICATION_JSON_VALUE,
            produces = MediaType.APPLICATION_JSON_VALUE)
    ResponseEntity<Map<String, Object>> create(@RequestHeader(name = HttpHeaders.AUTHORIZATION, required = false)
            @Nullable String authorization, @RequestHeader(name = "X-Api-Key", required = false) @Nullable String apiKey,
            @RequestBody IntakeRequest body, HttpServletRequest request) {
        String key = apiKey;
        if (authorization != null && authorization.regionMatches(true, 0, BEARER, 0, BEARER.length())) {
            key = authorization.substring(BEARER.length()).strip();
        }
        String secret = key;
        var outcome = SystemAuthentication.call(() -> intake.submit(secret, body));
        Map<String, Object> answer = new LinkedHashMap<>();
        answer.put("id", outcome.leadId());
        answer.put("status", outcome.kind() == IntakeOutcome.Kind.CREATED ? "created" : "existing");
        var status = outcome.kind() == IntakeOutcome.Kind.CREATED ? HttpStatus.CREATED : HttpStatus.OK;
        return ResponseEntity.status(status).location(URI.create(request.getContextPath() + "/leads/"
                + outcome.leadId())).body(answer);
    }

    @ExceptionHandler(IntakeRefusedException.class)
    ResponseEntity<Map<String, Object>> refused(IntakeRefusedException refused, HttpServletRequest request) {
        Locale locale = reader(request);
        Map<String, String> errors = new LinkedHashMap<>();
        refused.errors().forEach((field, key) -> errors.put(field, messages.getMessage(key, null, key, locale)));
        return ResponseEntity.badRequest().body(Map.of("errors", errors));
    }

    @ExceptionHandler({HttpMessageNotReadableException.class, HttpMediaTypeNotSupportedException.class})
    ResponseEntity<Map<String, Object>> unreadable(Exception unreadable, HttpServletRequest request) {
        var status = unreadable instanceof HttpMediaTypeNotSupportedException ? HttpStatus.UNSUPPORTED_MEDIA_TYPE
                : HttpStatus.BAD_REQUEST;
        return ResponseEntity.status(status).body(Map.of("errors", Map.of("body",
                messages.getMessage("intake.error.body", null, reader(request)))));
    }

    @ExceptionHandler(IntakeKeyRefusedException.class)
    ResponseEntity<Map<String, Object>> unauthorized(HttpServletRequest request) {
        return ResponseEntity.status(HttpStatus.UNAUTHORIZED).header(HttpHeaders.WWW_AUTHENTICATE, "Bearer")
                .body(Map.of("error", messages.getMessage("intake.error.key", null, reader(request))));
    }

    @ExceptionHandler(RateLimitedException.class)
    ResponseEntity<Map<String, Object>> tooMany(RateLimitedException tooMany, HttpServletRequest request) {
        long seconds = Math.max(1, tooMany.retryAfter().toSeconds());
        return ResponseEntity.status(HttpStatus.TOO_MANY_REQUESTS).header(HttpHeaders.RETRY_AFTER,
                String.valueOf(seconds)).body(Map.of("error", messages.getMessage("intake.error.rate",
                new Object[] {seconds}, reader(request))));
    }

    /** English unless the caller asks for a language the product speaks. */
    private static Locale reader(HttpServletRequest request) {
        String asked = request.getHeader(HttpHeaders.ACCEPT_LANGUAGE);
        if (asked == null || asked.isBlank()) {
            return Language.ENGLISH.bundleLocale();
        }
        return Language.of(request.getLocale()).orElse(Language.ENGLISH).bundleLocale();
    }
}

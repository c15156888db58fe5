package io.campuscrm.admissions.web;

import java.util.List;
import java.util.Locale;
import java.util.Map;
import java.util.Objects;

import org.jspecify.annotations.Nullable;
import org.springframework.context.MessageSource;
import org.springframework.web.util.HtmlUtils;

import io.campuscrm.admissions.InquiryOption;
import io.campuscrm.shared.i18n.Language;

/**
 * The public inquiry form, its thank-you page and its "too many" page, as plain HTML in the parent's language: no
 * script, one small style sheet inline, every text from the bundles and every value escaped. Labels are tied to
 * their fields, errors to theirs ({@code aria-describedby}), so the page reads well with a screen reader and on a
 * phone. The trap field is off-screen and out of the tab order: people leave it empty, robots fill it in.
 */
final class InquiryPage {

    /** The form's field names, as posted. */
    static final String CAMPUS = "campus";
    static final String CHILD = "child";
    static final String GUARDIAN = "guardian";
    static final String PHONE = "phone";
    static final String EMAIL = "email";
    static final String COURSE = "course";
    static final String TIMES = "times";
    static final String MESSAGE = "message";
    static final String CONSENT = "consent";
    static final String TRAP = "website";
    static final String LANG = "lang";
    static final String EMBED = "embed";

    /** The service's field names to the form's. */
    static final Map<String, String> FIELDS = Map.of("campusId", CAMPUS, "childName", CHILD, "guardianName",
            GUARDIAN, "phone", PHONE, "email", EMAIL, "courseId", COURSE, "preferredTimes", TIMES, "message",
            MESSAGE, "consent", CONSENT);

    private static final String STYLE = """
            *{box-sizing:border-box}body{margin:0;font:16px/1.5 system-ui,-apple-system,"Segoe UI","Noto Sans",\
            "Noto Sans CJK SC","PingFang SC","Microsoft YaHei",sans-serif;color:#1a2433;background:#f4f6fa}\
            main{max-width:640px;margin:0 auto;padding:24px 16px}.embed main{padding:8px}\
            header{display:flex;justify-content:space-between;align-items:baseline;gap:16px;flex-wrap:wrap}\
            h1{font-size:1.5rem;margin:0 0 4px}.school{color:#4a5a70;margin:0}nav a{margin-left:12px;color:#1565c0}\
            form,.card{background:#fff;border-radius:12px;padding:20px;margin-top:16px;box-shadow:0 1px 3px #0002}\
            .field{margin-bottom:16px}label{display:block;font-weight:600;margin-bottom:4px}\
            .optional{font-weight:400;color:#5b6b80}\
            input[type=text],input[type=tel],input[type=email],select,textarea{width:100%;padding:10px 12px;\
            font:inherit;border:1px solid #9aa8bb;border-radius:8px;background:#fff}textarea{min-height:96px}\
            input:focus,select:focus,textarea:focus{outline:3px solid #90caf9;border-color:#1565c0}\
            .row{display:grid;grid-template-columns:1fr 1fr;gap:0 16px}@media(max-width:520px){.row{display:block}}\
            .consent{display:flex;gap:10px;align-items:flex-start}.consent input{margin-top:5px;width:20px;height:20px}\
            .consent label{font-weight:400}.error{color:#b71c1c;margin:4px 0 0;font-size:.95rem}\
            [aria-invalid=true]{border-color:#b71c1c}.summary{border-left:4px solid #b71c1c;background:#fdecea;\
            padding:12px 16px;border-radius:8px;margin-top:16px}\
            button{font:inherit;font-weight:600;color:#fff;background:#1565c0;border:0;border-radius:8px;\
            padding:12px 24px;cursor:pointer}button:hover{background:#0d47a1}\
            .trap{position:absolute;left:-10000px;width:1px;height:1px;overflow:hidden}.note{color:#5b6b80}""";

    private final MessageSource messages;
    private final Language language;
    private final Locale locale;
    private final String school;
    private final String path;
    private final boolean embed;

    InquiryPage(MessageSource messages, Language language, String school, String path, boolean embed) {
        this.messages = messages;
        this.language = language;
        this.locale = language.bundleLocale();
        this.school = school;
        this.path = path;
        this.embed = embed;
    }

    /** The wording beside the consent box, as it is stored with the lead. */
    String consentText() {
        return text("inquiry.consent", school);
    }

    /** The form, with what was typed ({@code values}, by the form's names) and what is wrong ({@code errors}). */
    String form(List<InquiryOption> campuses, List<InquiryOption> courses, Map<String, String> values,
            Map<String, String> errors) {
        var html = new StringBuilder(8192);
        open(html, text("inquiry.title"));
        html.append("<p class=\"note\">").append(esc(text("inquiry.intro"))).append("</p>");
        if (!errors.isEmpty()) {
            html.append("<div class=\"summary\" role=\"alert\" id=\"inquiry-errors\"><strong>")
                    .append(esc(text("inquiry.errors"))).append("</strong></div>");
        }
        html.append("<form method=\"post\" action=\"").append(esc(path)).append("\" novalidate>");
        hidden(html, LANG, language.tag());
        if (embed) {
            hidden(html, EMBED, "1");
        }
        html.append("<div class=\"field\">");
        label(html, CAMPUS, "inquiry.campus", false);
        html.append("<select id=\"").append(CAMPUS).append("\" name=\"").append(CAMPUS).append('"');
        invalid(html, CAMPUS, errors);
        html.append(" required><option value=\"\">").append(esc(text("inquiry.choose"))).append("</option>");
        options(html, campuses, values.get(CAMPUS));
        html.append("</select>");
        error(html, CAMPUS, errors);
        html.append("</div><div class=\"row\">");
        input(html, CHILD, "text", "inquiry.child", false, "off", values, errors);
        input(html, GUARDIAN, "text", "inquiry.guardian", true, "name", values, errors);
        html.append("</div><div class=\"row\">");
        input(html, PHONE, "tel", "inquiry.phone", false, "tel", values, errors);
        input(html, EMAIL, "email", "inquiry.email", true, "email", values, errors);
        html.append("</div><p class=\"note\">").append(esc(text("inquiry.contact-hint"))).append("</p>");
        html.append("<div class=\"field\">");
        label(html, COURSE, "inquiry.course", true);
        html.append("<select id=\"").append(COURSE).append("\" name=\"").append(COURSE).append('"');
        invalid(html, COURSE, errors);
        html.append("><option value=\"\">").append(esc(text("inquiry.course.any"))).append("</option>");
        options(html, courses, values.get(COURSE));
        html.append("</select>");
        error(html, COURSE, errors);
        html.append("</div>");
        input(html, TIMES, "text", "inquiry.times", true, "off", values, errors);
        html.append("<div class=\"field\">");
        label(html, MESSAGE, "inquiry.message", true);
        html.append("<textarea id=\"").append(MESSAGE).append("\" name=\"").append(MESSAGE)
                .append("\" maxlength=\"2000\"");
        invalid(html, MESSAGE, errors);
        html.append('>').append(esc(values.getOrDefault(MESSAGE, ""))).append("</textarea>");
        error(html, MESSAGE, errors);
        html.append("</div>");
        html.append("<div class=\"trap\" aria-hidden=\"true\"><label for=\"").append(TRAP).append("\">")
                .append(esc(text("inquiry.trap"))).append("</label><input type=\"text\" id=\"").append(TRAP)
                .append("\" name=\"").append(TRAP).append("\" tabindex=\"-1\" autocomplete=\"off\"></div>");
        html.append("<div class=\"field\"><div class=\"consent\"><input type=\"checkbox\" id=\"").append(CONSENT)
                .append("\" name=\"").append(CONSENT).append("\" value=\"yes\"");
        if ("yes".equals(values.get(CONSENT))) {
            html.append(" checked");
        }
        invalid(html, CONSENT, errors);
        html.append("><label for=\"").append(CONSENT).append("\">").append(esc(consentText()))
                .append("</label></div>");
        error(html, CONSENT, errors);
        html.append("</div><button type=\"submit\" id=\"inquiry-send\">").append(esc(text("inquiry.send")))
                .append("</button></form>");
        return close(html);
    }

    String thanks() {
        var html = new StringBuilder(2048);
        open(html, text("inquiry.thanks.title"));
        html.append("<div class=\"card\" role=\"status\" id=\"inquiry-thanks\"><p>")
                .append(esc(text("inquiry.thanks.body"))).append("</p><p class=\"note\">")
                .append(esc(text("inquiry.thanks.email"))).append("</p><p><a href=\"")
                .append(esc(path + "?" + LANG + "=" + language.tag() + (embed ? "&" + EMBED + "=1" : "")))
                .append("\">").append(esc(text("inquiry.thanks.another"))).append("</a></p></div>");
        return close(html);
    }

    String tooMany(long minutes, @Nullable String phone) {
        var html = new StringBuilder(2048);
        open(html, text("inquiry.too-many.title"));
        html.append("<div class=\"card\" role=\"alert\" id=\"inquiry-too-many\"><p>")
                .append(esc(text("inquiry.too-many.body", minutes))).append("</p>");
        if (phone != null && !phone.isBlank()) {
            html.append("<p>").append(esc(text("inquiry.too-many.call", phone))).append("</p>");
        }
        html.append("</div>");
        return close(html);
    }

    private void open(StringBuilder html, String title) {
        html.append("<!DOCTYPE html><html lang=\"").append(language.tag()).append("\"><head><meta charset=\"utf-8\">")
                .append("<meta name=\"viewport\" content=\"width=device-width, initial-scale=1\">")
                .append("<meta name=\"robots\" content=\"noindex\"><title>").append(esc(title)).append(" · ")
                .append(esc(school)).append("</title><style>").append(STYLE).append("</style></head><body")
                .append(embed ? " class=\"embed\"" : "").append("><main>");
        if (!embed) {
            html.append("<header><div><h1>").append(esc(title)).append("</h1><p class=\"school\">")
                    .append(esc(school)).append("</p></div><nav aria-label=\"").append(esc(text("inquiry.languages")))
                    .append("\">");
            for (Language other : Language.values()) {
                if (other != language) {
                    html.append("<a href=\"").append(esc(path + "?" + LANG + "=" + other.tag())).append("\" lang=\"")
                            .append(other.tag()).append("\" hreflang=\"").append(other.tag()).append("\">")
                            .append(esc(other.nativeName())).append("</a>");
                }
            }
            html.append("</nav></header>");
        } else {
            html.append("<h1>").append(esc(title)).append("</h1>");
        }
    }

    private static String close(StringBuilder html) {
        return html.append("</main></body></html>").toString();
    }

    private void input(StringBuilder html, String name, String type, String labelKey, boolean optional,
            String autocomplete, Map<String, String> values, Map<String, String> errors) {
        html.append("<div class=\"field\">");
        label(html, name, labelKey, optional);
        html.append("<input type=\"").append(type).append("\" id=\"").append(name).append("\" name=\"").append(name)
                .append("\" autocomplete=\"").append(autocomplete).append("\" value=\"")
                .append(esc(values.getOrDefault(name, ""))).append('"');
        invalid(html, name, errors);
        html.append('>');
        error(html, name, errors);
        html.append("</div>");
    }

    private void label(StringBuilder html, String name, String key, boolean optional) {
        html.append("<label for=\"").append(name).append("\">").append(esc(text(key)));
        if (optional) {
            html.append(" <span class=\"optional\">").append(esc(text("inquiry.optional"))).append("</span>");
        }
        html.append("</label>");
    }

    private static void invalid(StringBuilder html, String name, Map<String, String> errors) {
        if (errors.containsKey(name)) {
            html.append(" aria-invalid=\"true\" aria-describedby=\"").append(name).append("-error\"");
        }
    }

    private void error(StringBuilder html, String name, Map<String, String> errors) {
        String key = errors.get(name);
        if (key != null) {
            html.append("<p class=\"error\" id=\"").append(name).append("-error\">").append(esc(text(key)))
                    .append("</p>");
        }
    }

    private static void options(StringBuilder html, List<InquiryOption> options, @Nullable String chosen) {
        for (var option : options) {
            String id = String.valueOf(option.id());
            html.append("<option value=\"").append(id).append('"').append(id.equals(chosen) ? " selected" : "")
                    .append('>').append(esc(option.name())).append("</option>");
        }
    }

    private static void hidden(StringBuilder html, String name, String value) {
        html.append("<input type=\"hidden\" name=\"").append(name).append("\" value=\"").append(esc(value))
                .append("\">");
    }

    private String text(String key, Object... args) {
        return Objects.requireNonNull(messages.getMessage(key, args.length == 0 ? null : args, locale));
    }

    private static String esc(String value) {
        return HtmlUtils.htmlEscape(value, "UTF-8");
    }
}

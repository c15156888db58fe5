package io.campuscrm.notifications.internal;

import java.util.ArrayList;
import java.util.Arrays;
import java.util.List;
import java.util.Locale;

import org.springframework.context.MessageSource;
import org.springframework.stereotype.Component;
import org.springframework.util.StringUtils;
import org.springframework.web.util.HtmlUtils;

import io.campuscrm.institution.InstitutionService;
import io.campuscrm.institution.InstitutionSettings;
import io.campuscrm.notifications.MailMessage;
import io.campuscrm.shared.i18n.Language;

/**
 * Writes a message from its kind's template: greeting, the kind's paragraphs and a closing, in the recipient's
 * language (else the institution's), with a footer giving the school's name and printed address; once as plain
 * text and once as HTML in one simple layout, where every text, the arguments included, is escaped.
 */
@Component
public class MailRenderer {

    private final MessageSource messages;
    private final InstitutionService institution;

    MailRenderer(MessageSource messages, InstitutionService institution) {
        this.messages = messages;
        this.institution = institution;
    }

    public RenderedMail render(MailMessage message) {
        InstitutionSettings school = institution.settings();
        Language language = message.language() != null ? message.language()
                : Language.of(school.locale()).orElse(Language.ENGLISH);
        Locale locale = language.locale(school.locale());
        Object[] args = message.args().toArray();
        String subject = messages.getMessage(message.kind().subjectKey(), args, locale);
        String greeting = StringUtils.hasText(message.recipientName())
                ? messages.getMessage("email.greeting", new Object[] {message.recipientName()}, locale)
                : messages.getMessage("email.greeting.anonymous", null, locale);
        List<String> paragraphs = new ArrayList<>();
        paragraphs.add(greeting);
        paragraphs.addAll(Arrays.asList(messages.getMessage(message.kind().bodyKey(), args, locale).split("\n\n")));
        paragraphs.add(messages.getMessage("email.closing", new Object[] {school.name()}, locale));
        List<String> footer = footer(school);
        return new RenderedMail(language.tag(), subject, text(paragraphs, footer), html(language, subject, paragraphs,
                footer));
    }

    /** The school's name, its address line by line, its phone and e-mail: what it prints on its letters. */
    private static List<String> footer(InstitutionSettings school) {
        List<String> lines = new ArrayList<>();
        lines.add(school.name());
        if (StringUtils.hasText(school.address())) {
            school.address().lines().map(String::strip).filter(StringUtils::hasText).forEach(lines::add);
        }
        List<String> contacts = new ArrayList<>();
        if (StringUtils.hasText(school.phone())) {
            contacts.add(school.phone());
        }
        if (StringUtils.hasText(school.email())) {
            contacts.add(school.email());
        }
        if (!contacts.isEmpty()) {
            lines.add(String.join(" · ", contacts));
        }
        return lines;
    }

    private static String text(List<String> paragraphs, List<String> footer) {
        return String.join("\n\n", paragraphs) + "\n\n-- \n" + String.join("\n", footer) + "\n";
    }

    private static String html(Language language, String subject, List<String> paragraphs, List<String> footer) {
        var html = new StringBuilder(1024);
        html.append("<!DOCTYPE html>\n<html lang=\"").append(escape(language.tag())).append("\">\n<head>\n")
                .append("<meta charset=\"UTF-8\">\n<title>").append(escape(subject)).append("</title>\n</head>\n")
                .append("<body style=\"margin:0;padding:24px;background:#f5f5f5;\">\n")
                .append("<div style=\"max-width:600px;margin:0 auto;padding:24px;background:#ffffff;")
                .append("font-family:Arial,'Noto Sans CJK SC',sans-serif;font-size:15px;line-height:1.6;")
                .append("color:#222222;\">\n");
        for (String paragraph : paragraphs) {
            html.append("<p>").append(escape(paragraph).replace("\n", "<br>\n")).append("</p>\n");
        }
        html.append("<hr style=\"border:none;border-top:1px solid #dddddd;margin:24px 0 12px;\">\n")
                .append("<p style=\"font-size:13px;color:#666666;\"><strong>").append(escape(footer.getFirst()))
                .append("</strong>");
        for (String line : footer.subList(1, footer.size())) {
            html.append("<br>\n").append(escape(line));
        }
        return html.append("</p>\n</div>\n</body>\n</html>\n").toString();
    }

    private static String escape(String text) {
        return HtmlUtils.htmlEscape(text, "UTF-8");
    }
}

package io.campuscrm.reporting.internal;

import org.slf4j.Logger;
import org.slf4j.LoggerFactory;
import org.springframework.boot.context.event.ApplicationReadyEvent;
import org.springframework.context.event.EventListener;
import org.springframework.stereotype.Component;

/** Says at start-up which font reports print with, and warns when Chinese names would print blank. */
@Component
class ReportFontCheck {

    private static final Logger log = LoggerFactory.getLogger(ReportFontCheck.class);

    @EventListener(ApplicationReadyEvent.class)
    void logReportFont() {
        var fonts = ReportFonts.installed();
        if (fonts.cjk().isPresent()) {
            log.info("Report font: {}", fonts.description());
        } else {
            log.warn("Report font: {}. Chinese, Japanese and Korean text will print blank in PDF reports: install "
                    + "the Noto CJK fonts (Debian/Ubuntu: apt-get install fonts-noto-cjk) and restart.",
                    fonts.description());
        }
    }
}

package io.campuscrm.shared.i18n;

import org.springframework.context.MessageSource;
import org.springframework.context.annotation.Bean;
import org.springframework.context.annotation.Configuration;

/** The one message source of the application: {@link LanguageMessageSource} (Spring Boot's own backs off). */
@Configuration(proxyBeanMethods = false)
class MessagesConfiguration {

    @Bean
    MessageSource messageSource() {
        return new LanguageMessageSource();
    }
}

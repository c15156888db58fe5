package io.campuscrm.admissions.web;

import java.util.List;

import org.springframework.context.annotation.Bean;
import org.springframework.context.annotation.Configuration;
import org.springframework.core.Ordered;
import org.springframework.core.annotation.Order;
import org.springframework.security.config.annotation.web.builders.HttpSecurity;
import org.springframework.security.config.http.SessionCreationPolicy;
import org.springframework.security.web.SecurityFilterChain;
import org.springframework.web.cors.CorsConfiguration;
import org.springframework.web.cors.UrlBasedCorsConfigurationSource;

/**
 * The web security of the public doors, ahead of the application's own chain: open to everyone, without a session
 * (so no cookie, which a frame on another site would not keep anyway), without CSRF tokens (there is no signed-in
 * user whose session a forged request could ride on; the service's key, limits and trap guard these routes), and
 * framable — the inquiry page sets its own {@code frame-ancestors}. The endpoint answers cross-origin requests, so a
 * snippet on the school's site may post to it.
 */
@Configuration
class PublicIntakeSecurity {

    @Bean
    @Order(Ordered.HIGHEST_PRECEDENCE)
    SecurityFilterChain publicIntakeChain(HttpSecurity http) throws Exception {
        var cors = new CorsConfiguration();
        cors.setAllowedOriginPatterns(List.of("*"));
        cors.setAllowedMethods(List.of("POST"));
        cors.setAllowedHeaders(List.of("Content-Type", "Authorization", "X-Api-Key", "Accept-Language"));
        cors.setMaxAge(3600L);
        var corsSource = new UrlBasedCorsConfigurationSource();
        corsSource.registerCorsConfiguration("/api/intake/**", cors);
        http.securityMatcher(InquiryController.PATH, InquiryController.PATH + "/**", "/api/intake/**")
                .authorizeHttpRequests(requests -> requests.anyRequest().permitAll())
                .sessionManagement(session -> session.sessionCreationPolicy(SessionCreationPolicy.STATELESS))
                .csrf(csrf -> csrf.disable())
                .cors(c -> c.configurationSource(corsSource))
                .requestCache(cache -> cache.disable())
                .securityContext(context -> context.disable())
                .headers(headers -> headers.frameOptions(frame -> frame.disable()));
        return http.build();
    }
}

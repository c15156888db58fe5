package io.campuscrm.students.internal;

import org.springframework.boot.context.properties.ConfigurationProperties;
import org.springframework.boot.context.properties.bind.DefaultValue;
import org.springframework.util.unit.DataSize;

/**
 * Settings of the students module ({@code campuscrm.students.*}): the defaults of the settings {@link StudentsLimits}
 * declares, which an administrator may override; read them there.
 *
 * @param documentMaxSize the largest document a user may upload
 * @param importMaxRows   the most rows one CSV import may have
 */
@ConfigurationProperties("campuscrm.students")
public record StudentsSettings(@DefaultValue("10MB") DataSize documentMaxSize,
        @DefaultValue("20000") int importMaxRows) {
}

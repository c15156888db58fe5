/**
 * Platform services the feature modules run on: scheduled jobs run once across nodes with their run history, the
 * Jobs screen over them and over Spring Batch's job executions, and the upkeep of Spring Modulith's event
 * publication registry (where module listeners run; resubmitting publications whose listener failed, purging old
 * completed ones). It depends on the shared kernel and on the institution (settings, the school's time zone); no
 * feature module depends on it: they declare their jobs with {@code shared.jobs}.
 */
@ApplicationModule(displayName = "Platform", allowedDependencies = {"shared", "institution"})
@NullMarked
package io.campuscrm.platform;

import org.jspecify.annotations.NullMarked;
import org.springframework.modulith.ApplicationModule;

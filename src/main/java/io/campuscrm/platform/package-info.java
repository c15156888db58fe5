/**
 * Platform services the feature modules run on: for now the upkeep of Spring Modulith's event publication registry
 * (resubmitting publications whose listener failed, purging old completed ones); later typed settings, scheduled
 * jobs with their locks and the Jobs screen. It depends on the shared kernel only, and no feature module depends on
 * it.
 */
@ApplicationModule(displayName = "Platform", allowedDependencies = {"shared"})
@NullMarked
package io.campuscrm.platform;

import org.jspecify.annotations.NullMarked;
import org.springframework.modulith.ApplicationModule;

/** The Jobs screen, the dashboard's jobs card and its set-up checklist (over the modules' {@code SetupStep}s). */
@NullMarked
package io.campuscrm.platform.ui;

import org.jspecify.annotations.NullMarked;

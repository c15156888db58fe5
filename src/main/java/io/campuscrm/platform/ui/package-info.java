/** The Jobs screen. */
@NullMarked
package io.campuscrm.platform.ui;

import org.jspecify.annotations.NullMarked;

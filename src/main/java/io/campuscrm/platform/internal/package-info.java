/** The platform's internals: the job runner and scheduler, the lock provider, the run history's storage. */
@NullMarked
package io.campuscrm.platform.internal;

import org.jspecify.annotations.NullMarked;

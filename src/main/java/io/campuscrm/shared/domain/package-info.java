/** Base entity, optimistic locking and the errors every module's services raise. */
@NullMarked
package io.campuscrm.shared.domain;

import org.jspecify.annotations.NullMarked;

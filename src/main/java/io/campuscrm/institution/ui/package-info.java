/** The institution settings and campuses views, and the set-up checklist's steps for them. */
@NullMarked
package io.campuscrm.institution.ui;

import org.jspecify.annotations.NullMarked;

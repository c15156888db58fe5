/** The institution settings and campuses views. */
@NullMarked
package io.campuscrm.institution.ui;

import org.jspecify.annotations.NullMarked;

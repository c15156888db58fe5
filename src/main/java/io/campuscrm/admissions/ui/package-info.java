/** The admissions screens: the lead list with a new lead's entry, a lead's page, and the admissions settings. */
@NullMarked
package io.campuscrm.admissions.ui;

import org.jspecify.annotations.NullMarked;

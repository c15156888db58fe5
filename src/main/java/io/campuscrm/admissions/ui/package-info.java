/** The admissions screens: the lead list with a new lead's entry, and a lead's page. */
@NullMarked
package io.campuscrm.admissions.ui;

import org.jspecify.annotations.NullMarked;

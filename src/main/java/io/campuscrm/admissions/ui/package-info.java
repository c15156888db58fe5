/**
 * The admissions screens: the lead list (filters, sorts, bulk actions, export) with a new lead's entry, the board by
 * stage, a lead's page, and the admissions settings.
 */
@NullMarked
package io.campuscrm.admissions.ui;

import org.jspecify.annotations.NullMarked;

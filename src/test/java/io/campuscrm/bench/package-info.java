/**
 * Benchmarks ({@code *Bench}, run only by {@code ./mvnw -Pbench verify}): the application on its own fresh embedded
 * database under {@code target/bench-data}, demo data at a scale set by {@code -Dbench.<DemoScale component>=...},
 * operations timed after a warm-up, figures logged and written to {@code target/bench/results.md}.
 */
@NullMarked
package io.campuscrm.bench;

import org.jspecify.annotations.NullMarked;

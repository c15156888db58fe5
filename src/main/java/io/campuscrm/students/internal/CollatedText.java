package io.campuscrm.students.internal;

import java.text.CollationKey;
import java.text.Collator;
import java.util.Locale;

import org.jspecify.annotations.Nullable;

/**
 * Keys under which two texts are equal when the students tables' collation (utf8mb4_uca1400_ai_ci: case and accents
 * ignored) finds them equal. A look-up of many values in one {@code IN} lets the database decide which rows match;
 * these keys then hand each row back to the values it matched, as one {@code =} per value did, rather than by exact
 * Java equality (which would miss "José@…" for "jose@…"). Not thread-safe: one per look-up.
 */
final class CollatedText {

    private final Collator collator = Collator.getInstance(Locale.ROOT);

    CollatedText() {
        collator.setStrength(Collator.PRIMARY);
        collator.setDecomposition(Collator.CANONICAL_DECOMPOSITION);
    }

    CollationKey key(String text) {
        return collator.getCollationKey(text);
    }

    @Nullable CollationKey keyOrNull(@Nullable String text) {
        return text == null ? null : key(text);
    }
}

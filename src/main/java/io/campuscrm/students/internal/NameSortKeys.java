package io.campuscrm.students.internal;

import java.util.Arrays;
import java.util.Locale;

import org.jspecify.annotations.Nullable;

import com.ibm.icu.text.Collator;

/**
 * ICU collation sort keys of a student's name, one per language of the product, stored in {@code student.name_sort_en}
 * and {@code name_sort_zh} so that the list sorts by name in SQL, read in order from an index (MariaDB has no pinyin
 * collation: docs/decisions/0058-name-sort-keys.md). Keys compare as unsigned bytes, as MariaDB compares VARBINARY.
 * <ul>
 * <li>English: ICU's English collation of the full name.</li>
 * <li>Chinese: ICU's Chinese collation (pinyin) of the Chinese name when there is one, else of the full name. It puts
 * Han characters before Latin letters, so students with a Chinese name come first, in pinyin order.</li>
 * </ul>
 * Tertiary strength (ICU's default): case and accents order names that are otherwise equal ("emil", "Emil", "Émile")
 * instead of leaving them to the id, and the tertiary weights come last in a key, so cutting a long key to the column
 * loses them first. The collators are frozen, hence safe to share between threads.
 */
public final class NameSortKeys {

    /** The columns' length: VARBINARY(255). A 200-letter Latin name makes a key of about 260 bytes. */
    public static final int MAX_BYTES = 255;

    private static final Collator ENGLISH = collator(Locale.ENGLISH);
    private static final Collator CHINESE = collator(Locale.SIMPLIFIED_CHINESE);

    private NameSortKeys() {
    }

    public static byte[] english(String fullName) {
        return key(ENGLISH, fullName);
    }

    public static byte[] chinese(String fullName, @Nullable String chineseName) {
        return key(CHINESE, chineseName == null || chineseName.isBlank() ? fullName : chineseName);
    }

    /**
     * The collators' versions: keys made by another version may order differently, so an upgrade of ICU that changes
     * them needs the stored keys recomputed (decision 0058; {@code NameSortKeysTest} notices).
     */
    static String versions() {
        return "en " + ENGLISH.getVersion() + ", zh " + CHINESE.getVersion();
    }

    /**
     * The key without ICU's terminating zero byte (no other byte of a key is zero, and a prefix still sorts first),
     * cut to {@link #MAX_BYTES}: a cut key is a prefix, so keys keep their order, only names equal in their first
     * {@value #MAX_BYTES} bytes tie (and fall back to the id). Never empty, even for an empty text (the levels'
     * separators remain): an empty column means "not computed yet".
     */
    static byte[] key(Collator collator, String text) {
        byte[] key = collator.getCollationKey(text.strip()).toByteArray();
        int length = key.length > 0 && key[key.length - 1] == 0 ? key.length - 1 : key.length;
        return Arrays.copyOf(key, Math.min(length, MAX_BYTES));
    }

    private static Collator collator(Locale locale) {
        Collator collator = Collator.getInstance(locale);
        collator.setStrength(Collator.TERTIARY);
        return collator.freeze();
    }
}

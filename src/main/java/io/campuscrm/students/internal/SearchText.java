package io.campuscrm.students.internal;

import java.text.Normalizer;
import java.util.ArrayList;
import java.util.Arrays;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import java.util.regex.Pattern;
import java.util.stream.Collectors;

import org.jspecify.annotations.Nullable;

/**
 * Turns names into what the search index stores and queries: normalised text (accents stripped, lower-case,
 * punctuation as spaces) and tokens. See docs/decisions/0010-student-search.md.
 * <ul>
 * <li>Latin (and other spaced) scripts: every trigram of the name with its spaces removed, so any part of three or
 * more letters is found, also across words ("weiming"); and each word's first two letters as a prefix token
 * ({@code ^ta}), so two letters find the start of a word. (One letter is answered from the name's own index.)</li>
 * <li>Chinese, Japanese and Korean characters: each character and each pair of neighbours, as these names have no
 * spaces and are short.</li>
 * </ul>
 */
public final class SearchText {

    /** Marks a word-prefix token, so "^ta" (prefix) never collides with a trigram. */
    public static final String PREFIX = "^";
    /** Separates the names inside {@code search_name}; never part of a normalised name. */
    public static final char NAME_SEPARATOR = '|';

    private static final Pattern MARKS = Pattern.compile("\\p{M}+");
    private static final Pattern NOT_WORD = Pattern.compile("[^\\p{L}\\p{N}]+");

    private SearchText() {
    }

    /** Lower-case, accents stripped ("José" → "jose"), anything but letters and digits turned into single spaces. */
    public static String normalise(@Nullable String text) {
        if (text == null || text.isBlank()) {
            return "";
        }
        String decomposed = Normalizer.normalize(text, Normalizer.Form.NFKD);
        // Recomposed after the accents are gone, so Hangul syllables stay whole.
        String stripped = Normalizer.normalize(MARKS.matcher(decomposed).replaceAll(""), Normalizer.Form.NFC);
        StringBuilder folded = new StringBuilder(stripped.length());
        stripped.toLowerCase(Locale.ROOT).codePoints().forEach(cp -> folded.append(fold(cp)));
        return NOT_WORD.matcher(folded).replaceAll(" ").strip();
    }

    /** Letters that have no decomposition but that people type without their stroke. */
    private static String fold(int codePoint) {
        return switch (codePoint) {
            case 'ß' -> "ss";
            case 'æ' -> "ae";
            case 'œ' -> "oe";
            case 'ø' -> "o";
            case 'đ', 'ð' -> "d";
            case 'ł' -> "l";
            case 'ı' -> "i";
            case 'þ' -> "th";
            default -> Character.toString(codePoint);
        };
    }

    public static List<String> words(String normalised) {
        return normalised.isEmpty() ? List.of() : Arrays.asList(normalised.split(" "));
    }

    /** The full name's words in alphabetical order: "Wei Ming Tan" and "Tan Wei-Ming" are the same person. */
    public static String nameKey(String fullName) {
        return words(normalise(fullName)).stream().sorted().collect(Collectors.joining(" "));
    }

    /** "full|preferred|chinese", each normalised: what candidates are re-checked and ranked against. */
    public static String searchName(String fullName, @Nullable String preferredName, @Nullable String chineseName) {
        return normalise(fullName) + NAME_SEPARATOR + normalise(preferredName) + NAME_SEPARATOR
                + normalise(chineseName);
    }

    /** Where a token stands in the names: its search rank. */
    public static final int NAME_START = 0;
    public static final int WORD_START = 1;
    public static final int INSIDE = 2;
    /** Characters of the normalised full name that order a token's students. */
    public static final int SORT_KEY_LENGTH = 24;

    /** Every token of the given names (see the class comment) with its best position. */
    public static Map<String, Integer> tokens(@Nullable String... names) {
        Map<String, Integer> tokens = new LinkedHashMap<>();
        for (String name : names) {
            String normalised = normalise(name);
            StringBuilder spaced = new StringBuilder();
            List<Integer> wordStarts = new ArrayList<>();
            boolean first = true;
            List<String> words = words(normalised);
            for (int w = 0; w < words.size(); w++) {
                for (Run run : runs(words.get(w))) {
                    if (run.ideographic()) {
                        ideographTokens(run.text(), first, tokens);
                    } else {
                        for (String prefix : prefixTokens(run.text())) {
                            put(tokens, prefix, w == 0 && first ? NAME_START : WORD_START);
                        }
                        wordStarts.add(spaced.codePointCount(0, spaced.length()));
                        spaced.append(run.text());
                    }
                    first = false;
                }
            }
            List<String> grams = trigrams(spaced.toString());
            for (int i = 0; i < grams.size(); i++) {
                put(tokens, grams.get(i), i == 0 ? NAME_START : wordStarts.contains(i) ? WORD_START : INSIDE);
            }
        }
        return tokens;
    }

    /** The normalised full name's start, as tokens order their students (close to the names' own order). */
    public static String sortKey(String fullName) {
        String normalised = normalise(fullName);
        int end = normalised.offsetByCodePoints(0, Math.min(SORT_KEY_LENGTH,
                normalised.codePointCount(0, normalised.length())));
        return normalised.substring(0, end);
    }

    private static void put(Map<String, Integer> tokens, String token, int position) {
        tokens.merge(token, position, Math::min);
    }

    static List<String> prefixTokens(String word) {
        int[] cps = word.codePoints().toArray();
        return cps.length >= 2 ? List.of(PREFIX + new String(cps, 0, 2)) : List.of();
    }

    public static List<String> trigrams(String text) {
        int[] cps = text.codePoints().toArray();
        List<String> grams = new ArrayList<>();
        for (int i = 0; i + 3 <= cps.length; i++) {
            grams.add(new String(cps, i, 3));
        }
        return grams;
    }

    private static void ideographTokens(String run, boolean nameStart, Map<String, Integer> tokens) {
        int[] cps = run.codePoints().toArray();
        for (int i = 0; i < cps.length; i++) {
            int position = i == 0 && nameStart ? NAME_START : INSIDE;
            put(tokens, new String(cps, i, 1), position);
            if (i + 1 < cps.length) {
                put(tokens, new String(cps, i, 2), position);
            }
        }
    }

    /** A stretch of a word that is either all ideographic (Han, kana, Hangul) or all not. */
    public record Run(String text, boolean ideographic) {
    }

    public static List<Run> runs(String word) {
        List<Run> runs = new ArrayList<>();
        StringBuilder current = new StringBuilder();
        Boolean currentIdeographic = null;
        for (int cp : word.codePoints().toArray()) {
            boolean ideographic = isIdeographic(cp);
            if (currentIdeographic != null && ideographic != currentIdeographic) {
                runs.add(new Run(current.toString(), currentIdeographic));
                current.setLength(0);
            }
            current.appendCodePoint(cp);
            currentIdeographic = ideographic;
        }
        if (!current.isEmpty()) {
            runs.add(new Run(current.toString(), currentIdeographic));
        }
        return runs;
    }

    public static boolean isIdeographic(int codePoint) {
        Character.UnicodeScript script = Character.UnicodeScript.of(codePoint);
        return script == Character.UnicodeScript.HAN || script == Character.UnicodeScript.HIRAGANA
                || script == Character.UnicodeScript.KATAKANA || script == Character.UnicodeScript.HANGUL;
    }
}

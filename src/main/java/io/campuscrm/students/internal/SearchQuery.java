package io.campuscrm.students.internal;

import java.util.ArrayList;
import java.util.LinkedHashSet;
import java.util.List;
import java.util.Locale;
import java.util.Set;
import java.util.regex.Pattern;

import org.jspecify.annotations.Nullable;

/**
 * What one search field's text asks for: a student number, a phone number or its trailing digits, an e-mail or its
 * start, and/or parts of a name. Built without the database; {@link StudentSearchRepository} turns it into SQL.
 *
 * @param nameTokens     index tokens that every name match must have (intersected); empty: no name search
 * @param nameContains   normalised fragments the name (spaces removed) must contain
 * @param nameWordStarts normalised fragments some word of a name must start with
 * @param normalised     the whole query, normalised, for ranking
 * @param numberExact    a student number the query may be, exactly
 * @param numberPrefix   the start of a student number, when typed with its letter
 * @param phoneSuffix    the phone's digits reversed (a phone "ends with" becomes an indexed "starts with")
 * @param emailPrefix    the lower-case start of an e-mail address
 * @param nameStart      a letter the full name starts with, when no word of the query has two letters or more
 *                       (read in name order from the name's index; a letter is in too many names for the token
 *                       index to be quick)
 */
public record SearchQuery(List<String> nameTokens, List<String> nameContains, List<String> nameWordStarts,
        String normalised, @Nullable String numberExact, @Nullable String numberPrefix, @Nullable String phoneSuffix,
        @Nullable String emailPrefix, @Nullable String nameStart) {

    /** More tokens add joins, not precision: the re-check on the candidates is exact anyway. */
    static final int MAX_TOKENS = 6;
    static final int MIN_PHONE_DIGITS = 4;
    private static final Pattern NUMBER = Pattern.compile("(?i)s\\d{1,12}");
    private static final Pattern PHONE_CHARS = Pattern.compile("[+\\d\\s().\\-/]+");

    public static SearchQuery of(String text) {
        String raw = text.strip();
        String lower = raw.toLowerCase(Locale.ROOT);
        if (raw.contains("@")) {
            return new SearchQuery(List.of(), List.of(), List.of(), "", null, null, null, lower, null);
        }
        if (NUMBER.matcher(raw).matches()) {
            String digits = raw.substring(1);
            return new SearchQuery(List.of(), List.of(), List.of(), "", StudentNumbers.format(Long.parseLong(digits)),
                    raw.toUpperCase(Locale.ROOT), null, null, null);
        }
        if (PHONE_CHARS.matcher(raw).matches()) {
            String digits = raw.replaceAll("\\D", "");
            String number = digits.length() <= 9 && !digits.isEmpty()
                    ? StudentNumbers.format(Long.parseLong(digits)) : null;
            String phone = digits.length() >= MIN_PHONE_DIGITS ? new StringBuilder(digits).reverse().toString() : null;
            return new SearchQuery(List.of(), List.of(), List.of(), "", number, null, phone, null, null);
        }
        return names(raw, lower);
    }

    private static SearchQuery names(String raw, String lower) {
        String normalised = SearchText.normalise(raw);
        Set<String> tokens = new LinkedHashSet<>();
        List<String> contains = new ArrayList<>();
        List<String> wordStarts = new ArrayList<>();
        for (String word : SearchText.words(normalised)) {
            for (SearchText.Run run : SearchText.runs(word)) {
                String fragment = run.text();
                int length = fragment.codePointCount(0, fragment.length());
                if (run.ideographic()) {
                    tokens.addAll(length == 1 ? List.of(fragment) : bigrams(fragment));
                    contains.add(fragment);
                } else if (length >= 3) {
                    tokens.addAll(SearchText.trigrams(fragment));
                    contains.add(fragment);
                } else {
                    if (length == 2) {
                        tokens.add(SearchText.PREFIX + fragment);
                    }
                    wordStarts.add(fragment);
                }
            }
        }
        // A word with a dot looks like the start of an e-mail address ("mei.ling" finds mei.ling@example.com); plain
        // words do not, since every "tan…" address of every Tan family would join the candidates.
        String email = !raw.contains(" ") && raw.contains(".") ? lower : null;
        String nameStart = tokens.isEmpty() && !wordStarts.isEmpty() ? wordStarts.removeFirst() : null;
        return new SearchQuery(spread(new ArrayList<>(tokens)), contains, wordStarts, normalised, null, null, null,
                email, nameStart);
    }

    private static List<String> bigrams(String run) {
        int[] cps = run.codePoints().toArray();
        List<String> grams = new ArrayList<>();
        for (int i = 0; i + 2 <= cps.length; i++) {
            grams.add(new String(cps, i, 2));
        }
        return grams;
    }

    /** At most {@link #MAX_TOKENS}, spread over the query so that its start, middle and end all count. */
    static List<String> spread(List<String> tokens) {
        if (tokens.size() <= MAX_TOKENS) {
            return tokens;
        }
        List<String> picked = new ArrayList<>();
        for (int i = 0; i < MAX_TOKENS; i++) {
            picked.add(tokens.get(Math.round(i * (tokens.size() - 1) / (float) (MAX_TOKENS - 1))));
        }
        return picked.stream().distinct().toList();
    }

    public boolean searchesNames() {
        return !nameTokens.isEmpty();
    }

    public boolean isEmpty() {
        return nameTokens.isEmpty() && numberExact == null && numberPrefix == null && phoneSuffix == null
                && emailPrefix == null && nameStart == null;
    }

    /** Only names are searched, by their tokens: the query needs no union of candidates. */
    public boolean onlyNames() {
        return searchesNames() && numberExact == null && numberPrefix == null && phoneSuffix == null
                && emailPrefix == null;
    }
}

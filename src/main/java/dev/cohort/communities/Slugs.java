package dev.cohort.communities;

import java.text.Normalizer;
import java.util.Locale;
import java.util.regex.Pattern;

/**
 * Join URL slugs (SPEC rule 19): 3 to 60 lowercase letters, digits and single hyphens, made from a group's name
 * ({@code "Product Beta"} → {@code product-beta}), with a numeric suffix when the Spot has or had it
 * ({@code product-beta-2}).
 */
final class Slugs {
    static final int MIN = 3;
    static final int MAX = 60;
    static final String RULE = "3 to 60 lowercase letters, digits and hyphens, starting and ending with a letter or "
            + "a digit, without two hyphens in a row (product-beta)";
    private static final Pattern VALID = Pattern.compile("[a-z0-9]+(-[a-z0-9]+)*");
    private static final Pattern MARKS = Pattern.compile("\\p{M}+");
    private static final Pattern OTHERS = Pattern.compile("[^a-z0-9]+");

    private Slugs() {
    }

    static boolean valid(String slug) {
        return slug.length() >= MIN && slug.length() <= MAX && VALID.matcher(slug).matches();
    }

    /** The slug a name makes: accents dropped, every run of other characters a hyphen, padded to 3 characters. */
    static String of(String name) {
        String plain = MARKS.matcher(Normalizer.normalize(name, Normalizer.Form.NFD)).replaceAll("");
        String slug = trim(OTHERS.matcher(plain.toLowerCase(Locale.ROOT)).replaceAll("-"), MAX);
        if (slug.isEmpty()) {
            return "group";
        }
        return slug.length() < MIN ? slug + "-group" : slug;
    }

    /** The {@code n}th candidate for a base slug: the base itself, then {@code base-2}, {@code base-3}, ... */
    static String candidate(String base, int n) {
        if (n <= 1) {
            return base;
        }
        String suffix = "-" + n;
        return trim(base, MAX - suffix.length()) + suffix;
    }

    /** At most {@code length} characters, without a hyphen at either end. */
    private static String trim(String slug, int length) {
        String cut = slug.length() > length ? slug.substring(0, length) : slug;
        int start = 0;
        int end = cut.length();
        while (start < end && cut.charAt(start) == '-') {
            start++;
        }
        while (end > start && cut.charAt(end - 1) == '-') {
            end--;
        }
        return cut.substring(start, end);
    }
}

package dev.cohort.members;

import io.swagger.v3.oas.annotations.media.Schema;
import java.text.Normalizer;
import java.util.List;
import java.util.Locale;
import java.util.Set;
import java.util.UUID;
import java.util.regex.Pattern;
import org.jspecify.annotations.Nullable;

/** A custom property definition of a Spot: members hold at most one value per property. */
public record CustomProperty(UUID id, String slug, String label, @Nullable String description,
                             @Schema(allowableValues = {"Text", "SingleSelect", "MultipleSelect", "Boolean", "Number",
                                     "Date"}) String type,
                             @Schema(description = "The options of a SingleSelect or MultipleSelect property; empty "
                                     + "for the other types") List<String> possibleValues) {
    public static final String TEXT = "Text";
    public static final String SINGLE_SELECT = "SingleSelect";
    public static final String MULTIPLE_SELECT = "MultipleSelect";
    public static final String BOOLEAN = "Boolean";
    public static final String NUMBER = "Number";
    public static final String DATE = "Date";
    public static final List<String> TYPES = List.of(TEXT, SINGLE_SELECT, MULTIPLE_SELECT, BOOLEAN, NUMBER, DATE);

    static final String SLUG_PATTERN = "^[a-z0-9][a-z0-9_-]{0,62}$";
    static final Pattern SLUG = Pattern.compile(SLUG_PATTERN);
    /** The import's own columns: a property with one of these slugs could not be imported. */
    static final Set<String> RESERVED_SLUGS = Set.of("email", "firstname", "lastname", "role", "status", "tags");

    public boolean select() {
        return type.equals(SINGLE_SELECT) || type.equals(MULTIPLE_SELECT);
    }

    /** A slug made from a label: lower case, accents removed, other characters runs turned into '-'. */
    static String slugOf(String label) {
        String ascii = Normalizer.normalize(label, Normalizer.Form.NFD).replaceAll("\\p{M}", "");
        String slug = ascii.toLowerCase(Locale.ROOT).replaceAll("[^a-z0-9]+", "-").replaceAll("^-+|-+$", "");
        if (slug.length() > 63) {
            slug = slug.substring(0, 63).replaceAll("-+$", "");
        }
        return slug;
    }
}

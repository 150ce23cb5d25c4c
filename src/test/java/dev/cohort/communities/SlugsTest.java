package dev.cohort.communities;

import static org.assertj.core.api.Assertions.assertThat;

import org.junit.jupiter.api.Test;

/** How a group's name makes its slug, and what a slug may be. */
class SlugsTest {

    @Test
    void a_name_becomes_lowercase_words_joined_by_single_hyphens_without_accents() {
        assertThat(Slugs.of("Product Beta")).isEqualTo("product-beta");
        assertThat(Slugs.of("  Prödüct -- Béta!  ")).isEqualTo("product-beta");
        assertThat(Slugs.of("Été 2027 : Lyon")).isEqualTo("ete-2027-lyon");
    }

    @Test
    void a_short_or_empty_name_is_padded_to_three_characters() {
        assertThat(Slugs.of("AI")).isEqualTo("ai-group");
        assertThat(Slugs.of("🚀")).isEqualTo("group");
        assertThat(Slugs.of("")).isEqualTo("group");
    }

    @Test
    void a_long_name_is_cut_to_sixty_characters_and_its_suffixed_candidates_too() {
        String name = "word ".repeat(30);
        String slug = Slugs.of(name);
        assertThat(slug).hasSizeLessThanOrEqualTo(60).doesNotEndWith("-");
        assertThat(Slugs.valid(slug)).isTrue();
        assertThat(Slugs.candidate(slug, 1)).isEqualTo(slug);
        assertThat(Slugs.candidate(slug, 12)).hasSizeLessThanOrEqualTo(60).endsWith("-12");
        assertThat(Slugs.valid(Slugs.candidate(slug, 12))).isTrue();
    }

    @Test
    void a_slug_is_3_to_60_lowercase_letters_digits_and_single_inner_hyphens() {
        assertThat(Slugs.valid("abc")).isTrue();
        assertThat(Slugs.valid("a-1-b")).isTrue();
        assertThat(Slugs.valid("ab")).isFalse();
        assertThat(Slugs.valid("a".repeat(61))).isFalse();
        assertThat(Slugs.valid("-abc")).isFalse();
        assertThat(Slugs.valid("abc-")).isFalse();
        assertThat(Slugs.valid("a--b")).isFalse();
        assertThat(Slugs.valid("Abc")).isFalse();
    }
}

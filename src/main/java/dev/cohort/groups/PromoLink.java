package dev.cohort.groups;

import io.swagger.v3.oas.annotations.media.Schema;
import jakarta.validation.constraints.NotBlank;
import jakarta.validation.constraints.Size;

/** A promotional link of a community group, shown to all its members: a title and an https URL. */
public record PromoLink(@NotBlank @Size(max = 255) @Schema(example = "Book a demo") String title,
                        @NotBlank @Size(max = 2000) @Schema(format = "uri", description = "An https URL",
                                example = "https://example.com/demo") String url) {
}

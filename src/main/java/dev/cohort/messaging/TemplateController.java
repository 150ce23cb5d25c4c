package dev.cohort.messaging;

import dev.cohort.spots.Caller;
import dev.cohort.web.Body;
import io.swagger.v3.oas.annotations.Operation;
import io.swagger.v3.oas.annotations.media.Schema;
import io.swagger.v3.oas.annotations.tags.Tag;
import jakarta.validation.constraints.NotNull;
import jakarta.validation.constraints.Size;
import java.util.List;
import java.util.UUID;
import org.springframework.web.bind.annotation.DeleteMapping;
import org.springframework.web.bind.annotation.GetMapping;
import org.springframework.web.bind.annotation.PathVariable;
import org.springframework.web.bind.annotation.PostMapping;
import org.springframework.web.bind.annotation.PutMapping;
import org.springframework.web.bind.annotation.RequestBody;
import org.springframework.web.bind.annotation.RestController;

/** Cohort's invitation templates, one per resource type, with previews. */
@RestController
@Tag(name = "Invitation templates")
class TemplateController {
    private final TemplateService templates;

    TemplateController(TemplateService templates) {
        this.templates = templates;
    }

    record TemplateView(@Schema(allowableValues = {"live", "course", "channel", "forum", "collection"}) String type,
                        String subject, String body,
                        @Schema(description = "The variables the subject and body may use, written {{name}}")
                        List<String> variables,
                        @Schema(description = "Whether this is the built-in default (the Spot saved none)")
                        boolean isDefault) {
        static TemplateView of(InvitationTemplates.Template t) {
            return new TemplateView(t.type(), t.subject(), t.body(), InvitationTemplates.VARIABLES, t.isDefault());
        }
    }

    /**
     * A template's text. Both fields are required: a PUT replaces the template. Their rules (not blank, at most
     * {@value TemplateService#SUBJECT_MAX} and {@value TemplateService#BODY_MAX} characters, a one-line subject, known
     * variables only) are checked by {@link TemplateService#validate}, which says which field breaks which.
     */
    @Body(echoes = TemplateView.class)
    @Schema(description = "An invitation template's text")
    record TemplateText(
            @Schema(requiredMode = Schema.RequiredMode.REQUIRED, description = "One line; not blank",
                    example = "{{memberFirstname}}, join {{resourceName}} on {{spotName}}")
            @Size(max = TemplateService.SUBJECT_MAX) String subject,
            @Schema(requiredMode = Schema.RequiredMode.REQUIRED, description = "Plain text; not blank",
                    example = "Hello {{memberFirstname}}, open {{resourceLink}} to join {{resourceName}}.")
            @Size(max = TemplateService.BODY_MAX) String body) {
    }

    @Body
    @Schema(description = "Who to render the invitation for, with which resource, and optionally unsaved text")
    record TemplatePreview(
            @NotNull @Schema(description = "The member the email is rendered for") UUID spotMemberId,
            @Schema(description = "A resource of the template's type; sample values when absent") UUID resourceId,
            @Schema(description = "Unsaved subject to preview instead of the saved one")
            @Size(max = TemplateService.SUBJECT_MAX) String subject,
            @Schema(description = "Unsaved body to preview instead of the saved one")
            @Size(max = TemplateService.BODY_MAX) String body) {
    }

    @GetMapping("/v1/templates/{type}")
    @Operation(operationId = "getTemplate",
            summary = "The invitation email template of a resource type (live, course, channel, forum, collection)",
            description = "The Spot's own template, or the built-in default (isDefault true). Variables are written "
                    + "{{memberName}}, {{memberFirstname}}, {{resourceName}}, {{resourceLink}}, {{spotName}}.")
    TemplateView get(Caller caller, @PathVariable String type) {
        return TemplateView.of(templates.get(caller.spotId(), type));
    }

    @PutMapping("/v1/templates/{type}")
    @Operation(operationId = "updateTemplate", summary = "Replace the invitation email template of a resource type",
            description = "subject (one line, at most 255 characters) and body (plain text) are required and must "
                    + "not be blank; an unknown {{variable}} is a 400 naming the field. The read-only fields of the "
                    + "template (type, variables, isDefault) are ignored, so a template read can be sent back.")
    TemplateView put(Caller caller, @PathVariable String type, @RequestBody TemplateText body) {
        return TemplateView.of(templates.save(caller.spotId(), type, body.subject(), body.body()));
    }

    @DeleteMapping("/v1/templates/{type}")
    @Operation(operationId = "resetTemplate", summary = "Go back to the default invitation template of a resource type",
            description = "Answers the default template.")
    TemplateView reset(Caller caller, @PathVariable String type) {
        return TemplateView.of(templates.reset(caller.spotId(), type));
    }

    @PostMapping("/v1/templates/{type}~preview")
    @Operation(operationId = "previewTemplate", summary = "Render the invitation email of a resource type for a member",
            description = "Body: spotMemberId (required), resourceId (optional: sample resource values otherwise), "
                    + "subject and body (optional: preview unsaved text). Answers {subject, body}. Unknown member "
                    + "or resource: 404.")
    TemplateValues.Rendered preview(Caller caller, @PathVariable String type, @RequestBody TemplatePreview body) {
        TemplateService.requireType(type);
        return templates.preview(caller.spotId(), type, body.spotMemberId(), body.resourceId(), body.subject(),
                body.body());
    }
}

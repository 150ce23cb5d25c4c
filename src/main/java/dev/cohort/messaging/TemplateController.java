package dev.cohort.messaging;

import dev.cohort.spots.Caller;
import dev.cohort.web.Ids;
import dev.cohort.web.JsonBody;
import io.swagger.v3.oas.annotations.Operation;
import io.swagger.v3.oas.annotations.tags.Tag;
import java.util.List;
import java.util.UUID;
import org.springframework.web.bind.annotation.DeleteMapping;
import org.springframework.web.bind.annotation.GetMapping;
import org.springframework.web.bind.annotation.PathVariable;
import org.springframework.web.bind.annotation.PostMapping;
import org.springframework.web.bind.annotation.PutMapping;
import org.springframework.web.bind.annotation.RequestBody;
import org.springframework.web.bind.annotation.RestController;
import tools.jackson.databind.JsonNode;

/** Cohort's invitation templates, one per resource type, with previews. */
@RestController
@Tag(name = "Invitation templates")
class TemplateController {
    private final TemplateService templates;

    TemplateController(TemplateService templates) {
        this.templates = templates;
    }

    record TemplateView(String type, String subject, String body, List<String> variables, boolean isDefault) {
        static TemplateView of(InvitationTemplates.Template t) {
            return new TemplateView(t.type(), t.subject(), t.body(), InvitationTemplates.VARIABLES, t.isDefault());
        }
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
                    + "not be blank; an unknown {{variable}} is a 400 naming the field.")
    TemplateView put(Caller caller, @PathVariable String type, @RequestBody(required = false) JsonNode body) {
        TemplateService.requireType(type);
        JsonBody json = JsonBody.of(body);
        String subject = json.text("subject");
        String text = json.text("body");
        json.validate();
        return TemplateView.of(templates.save(caller.spotId(), type, subject, text));
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
    TemplateValues.Rendered preview(Caller caller, @PathVariable String type,
                                    @RequestBody(required = false) JsonNode body) {
        TemplateService.requireType(type);
        JsonBody json = JsonBody.of(body);
        String member = json.requiredText("spotMemberId");
        UUID memberId = member == null ? null : Ids.parse(member);
        if (member != null && memberId == null) {
            json.problem("spotMemberId", "must be a UUID");
        }
        UUID resourceId = json.uuid("resourceId");
        String subject = json.text("subject");
        String text = json.text("body");
        json.validate();
        return templates.preview(caller.spotId(), type, memberId, resourceId, subject, text);
    }
}

package dev.cohort.messaging;

import io.swagger.v3.oas.annotations.media.Schema;
import java.util.Map;
import java.util.UUID;

/** The values of an invitation's template variables for one member and resource. */
record TemplateValues(String memberName, String memberFirstname, String resourceName, String resourceLink,
                      String spotName) {

    /** A member without a name is called by their email; without a first name, by their full name. */
    static TemplateValues of(String firstname, String lastname, String email, String resourceType, UUID resourceId,
                             String resourceName, String spotName, String publicUrl) {
        String first = firstname == null ? "" : firstname.trim();
        String last = lastname == null ? "" : lastname.trim();
        String name = (first + " " + last).trim();
        if (name.isEmpty()) {
            name = email;
        }
        return new TemplateValues(name, first.isEmpty() ? name : first, resourceName,
                publicUrl + InvitationTemplates.path(resourceType, resourceId), spotName);
    }

    Map<String, String> asMap() {
        return Map.of("memberName", memberName, "memberFirstname", memberFirstname, "resourceName", resourceName,
                "resourceLink", resourceLink, "spotName", spotName);
    }

    /** A subject and a body rendered with these values. */
    @Schema(name = "RenderedTemplate")
    record Rendered(String subject, String body) {
    }

    Rendered render(InvitationTemplates.Template template) {
        return render(template.subject(), template.body());
    }

    Rendered render(String subject, String body) {
        Map<String, String> values = asMap();
        return new Rendered(InvitationTemplates.oneLine(InvitationTemplates.render(subject, values)),
                InvitationTemplates.render(body, values));
    }
}

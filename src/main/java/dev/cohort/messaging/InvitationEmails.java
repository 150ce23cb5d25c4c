package dev.cohort.messaging;

import dev.cohort.system.Settings;
import org.springframework.stereotype.Component;

/** Turns a claimed outbox row into the invitation email of its resource type, with the Spot's template. */
@Component
class InvitationEmails {
    private final String publicUrl;

    InvitationEmails(Settings settings) {
        this.publicUrl = TemplateService.publicUrl(settings);
    }

    /** The row can never be delivered (its member or resource is gone); retrying would not help. */
    static class Undeliverable extends Exception {
        Undeliverable(String message) {
            super(message);
        }
    }

    /** The outbox template of the email telling a course's admins that a member completed it. */
    static final String COURSE_COMPLETED = "courseCompleted";

    Email render(OutboxRepository.Claimed row) throws Undeliverable {
        if (row.spotName() == null) {
            throw new Undeliverable("the Spot " + row.spotId() + " no longer exists");
        }
        if (GroupEmails.TEMPLATES.contains(row.template())) {
            return GroupEmails.render(row);
        }
        if (row.email() == null) {
            throw new Undeliverable("the member " + row.memberId() + " no longer exists");
        }
        if (row.resourceType() == null) {
            throw new Undeliverable(row.resourceId() == null ? "the row names no resource"
                    : "the resource " + row.resourceId() + " no longer exists");
        }
        if (COURSE_COMPLETED.equals(row.template())) {
            return courseCompleted(row);
        }
        InvitationTemplates.Template template = row.subject() != null
                ? new InvitationTemplates.Template(row.resourceType(), row.subject(), row.body(), false)
                : InvitationTemplates.defaultFor(row.resourceType());
        TemplateValues values = TemplateValues.of(row.firstname(), row.lastname(), row.email(), row.resourceType(),
                row.resourceId(), row.resourceName(), row.spotName(), publicUrl);
        TemplateValues.Rendered rendered = values.render(template);
        String name = ((row.firstname() == null ? "" : row.firstname()) + " "
                + (row.lastname() == null ? "" : row.lastname())).trim();
        return new Email(row.messageId(), row.email(), name, rendered.subject(), rendered.body());
    }

    /** To a course admin (the row's member) about the member who completed the course (the row's subject member). */
    private Email courseCompleted(OutboxRepository.Claimed row) {
        TemplateValues values = TemplateValues.of(row.firstname(), row.lastname(), row.email(), row.resourceType(),
                row.resourceId(), row.resourceName(), row.spotName(), publicUrl);
        String who = row.subjectName() == null ? "A member" : row.subjectName();
        String subject = InvitationTemplates.oneLine(row.spotName() + ": " + who + " completed the course "
                + row.resourceName());
        String body = "Hello " + values.memberFirstname() + ",\n\n" + who + " has just completed the course \""
                + row.resourceName() + "\" on " + row.spotName() + ".\n\nThe course: " + values.resourceLink()
                + "\n\nThe " + row.spotName() + " team\n";
        String name = ((row.firstname() == null ? "" : row.firstname()) + " "
                + (row.lastname() == null ? "" : row.lastname())).trim();
        return new Email(row.messageId(), row.email(), name, subject, body);
    }
}

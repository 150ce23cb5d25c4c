package dev.cohort.messaging;

import dev.cohort.errors.FieldProblem;
import dev.cohort.errors.InvalidInputException;
import dev.cohort.errors.NotFoundException;
import dev.cohort.system.Settings;
import java.util.ArrayList;
import java.util.List;
import java.util.UUID;
import org.springframework.stereotype.Service;

/** A Spot's invitation template per resource type: the saved one or the default, saving, and previews. */
@Service
class TemplateService {
    static final int SUBJECT_MAX = 255;
    static final int BODY_MAX = 20_000;

    private final TemplateRepository templates;
    private final String publicUrl;

    TemplateService(TemplateRepository templates, Settings settings) {
        this.templates = templates;
        this.publicUrl = publicUrl(settings);
    }

    static String publicUrl(Settings settings) {
        return settings.publicUrl();
    }

    InvitationTemplates.Template get(UUID spotId, String type) {
        requireType(type);
        return templates.find(spotId, type).orElseGet(() -> InvitationTemplates.defaultFor(type));
    }

    InvitationTemplates.Template save(UUID spotId, String type, String subject, String body) {
        requireType(type);
        validate(subject, body);
        templates.save(spotId, type, subject, body);
        return get(spotId, type);
    }

    InvitationTemplates.Template reset(UUID spotId, String type) {
        requireType(type);
        templates.delete(spotId, type);
        return InvitationTemplates.defaultFor(type);
    }

    /**
     * The template rendered for a member: with a resource of the type when one is named, else with sample
     * resource values; {@code subject}/{@code body}, when given, replace the saved text (validated the same way).
     */
    TemplateValues.Rendered preview(UUID spotId, String type, UUID memberId, UUID resourceId, String subject,
                                    String body) {
        InvitationTemplates.Template saved = get(spotId, type);
        String s = subject != null ? subject : saved.subject();
        String b = body != null ? body : saved.body();
        validate(s, b);
        TemplateRepository.Member member = templates.member(spotId, memberId)
                .orElseThrow(() -> new NotFoundException("Spot member"));
        UUID id = resourceId;
        String name = "Sample " + type;
        if (resourceId != null) {
            TemplateRepository.Resource resource = templates.resource(spotId, resourceId)
                    .orElseThrow(() -> new NotFoundException("Resource"));
            if (!resource.type().equals(type)) {
                throw new InvalidInputException("resourceId", "is a " + resource.type() + ", not a " + type);
            }
            name = resource.name();
        } else {
            id = new UUID(0, 0);
        }
        return TemplateValues.of(member.firstname(), member.lastname(), member.email(), type, id, name,
                member.spotName(), publicUrl).render(s, b);
    }

    static void requireType(String type) {
        if (!InvitationTemplates.known(type)) {
            throw new NotFoundException("Template type '" + type + "'");
        }
    }

    /** Subject and body: non-blank, bounded, only known variables; the subject on one line. */
    static void validate(String subject, String body) {
        List<FieldProblem> problems = new ArrayList<>();
        check("subject", subject, SUBJECT_MAX, problems);
        check("body", body, BODY_MAX, problems);
        if (subject != null && (subject.contains("\n") || subject.contains("\r"))) {
            problems.add(new FieldProblem("subject", "must be a single line"));
        }
        if (!problems.isEmpty()) {
            throw new InvalidInputException(problems);
        }
    }

    private static void check(String field, String text, int max, List<FieldProblem> problems) {
        if (text == null) {
            problems.add(new FieldProblem(field, "is required"));
        } else if (text.isBlank()) {
            problems.add(new FieldProblem(field, "must not be empty"));
        } else if (text.length() > max) {
            problems.add(new FieldProblem(field, "must be at most " + max + " characters"));
        } else {
            List<String> unknown = InvitationTemplates.unknownVariables(text);
            if (!unknown.isEmpty()) {
                problems.add(new FieldProblem(field, "unknown variables " + unknown.stream()
                        .map(v -> "{{" + v + "}}").toList() + "; known: " + InvitationTemplates.VARIABLES));
            }
        }
    }
}

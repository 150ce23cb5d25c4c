package dev.cohort.messaging;

import java.util.Set;

/**
 * The emails about a group (issue 16), with built-in texts: a join request approved or rejected, and an invitation
 * to join, whose link carries its single-use token. An invitation may go to an address that is no member's yet.
 */
final class GroupEmails {
    static final Set<String> TEMPLATES = Set.of(OutboxRows.JOIN_REQUEST_APPROVED, OutboxRows.JOIN_REQUEST_REJECTED,
            OutboxRows.GROUP_INVITATION);

    private GroupEmails() {
    }

    static Email render(OutboxRepository.Claimed row) throws InvitationEmails.Undeliverable {
        String to = row.toEmail() != null ? row.toEmail() : row.email();
        if (to == null) {
            throw new InvitationEmails.Undeliverable("the member " + row.memberId() + " no longer exists");
        }
        if (row.groupName() == null) {
            throw new InvitationEmails.Undeliverable("the group of this email no longer exists");
        }
        String first = row.firstname() == null ? "" : row.firstname().trim();
        String last = row.lastname() == null ? "" : row.lastname().trim();
        String name = (first + " " + last).trim();
        String hello = "Hello" + (first.isEmpty() ? name.isEmpty() ? "" : " " + name : " " + first) + ",\n\n";
        String group = "\"" + row.groupName() + "\"";
        String link = row.link() == null ? "" : "\n\n" + row.link();
        String subject;
        String body;
        switch (row.template()) {
            case OutboxRows.JOIN_REQUEST_APPROVED -> {
                subject = row.spotName() + ": welcome to " + row.groupName();
                body = hello + "Your request to join the group " + group + " on " + row.spotName()
                        + " was approved: you are a member now." + link;
            }
            case OutboxRows.JOIN_REQUEST_REJECTED -> {
                subject = row.spotName() + ": your request to join " + row.groupName();
                body = hello + "Your request to join the group " + group + " on " + row.spotName()
                        + " was not approved." + (row.note() == null ? "" : "\n\nThe reason given: " + row.note());
            }
            default -> {
                subject = row.spotName() + ": you are invited to join " + row.groupName();
                body = hello + "You are invited to join the group " + group + " on " + row.spotName() + "."
                        + (row.link() == null ? "" : " Follow this link to join (it works once):" + link);
            }
        }
        return new Email(row.messageId(), to, name, InvitationTemplates.oneLine(subject),
                body + "\n\nThe " + row.spotName() + " team\n");
    }
}

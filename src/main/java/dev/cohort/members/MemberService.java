package dev.cohort.members;

import org.slf4j.Logger;
import org.slf4j.LoggerFactory;
import dev.cohort.errors.ConflictException;
import dev.cohort.errors.FieldProblem;
import dev.cohort.errors.InvalidInputException;
import dev.cohort.errors.NotFoundException;
import dev.cohort.web.ListPage;
import dev.cohort.web.ListQuery;
import java.util.ArrayList;
import java.util.Collection;
import java.util.LinkedHashSet;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import java.util.Set;
import java.util.UUID;
import java.util.regex.Pattern;
import org.springframework.beans.factory.ObjectProvider;
import org.springframework.context.ApplicationEventPublisher;
import org.springframework.dao.DuplicateKeyException;
import org.springframework.stereotype.Service;
import org.springframework.transaction.annotation.Transactional;
import org.springframework.util.MultiValueMap;

/** The members of a Spot: create, invite, update, delete, list with filters. */
@Service
public class MemberService {
    private static final Logger log = LoggerFactory.getLogger(MemberService.class);
    private static final Pattern EMAIL = Pattern.compile("^[^@\\s]+@[^@\\s]+\\.[^@\\s]+$");

    /** The member columns smart group rules read, by the rule field that names them. */
    private static final Map<String, String> RULE_FIELDS = Map.of("role", "role", "custom_role_id", "customRoleId",
            "status", "status", "email", "email", "registration_source", "registrationSource",
            "registration_date", "registrationDate", "invitation_date", "invitationDate",
            "last_activity_at", "lastActivityAt");

    private final MemberRepository members;
    private final ApplicationEventPublisher events;
    private final ObjectProvider<MemberDeletionCheck> deletionChecks;

    MemberService(MemberRepository members, ApplicationEventPublisher events,
                  ObjectProvider<MemberDeletionCheck> deletionChecks) {
        this.members = members;
        this.events = events;
        this.deletionChecks = deletionChecks;
    }

    /** Whether {@code email} is acceptable as a member's address. */
    public static boolean validEmail(String email) {
        return email != null && email.length() <= 254 && EMAIL.matcher(email).matches();
    }

    /** Created members and the rejected inputs of a bulk invitation. */
    public record BulkInvite(List<SpotMember> created, List<String> failedEmails) {
    }

    @Transactional
    public SpotMember create(UUID spotId, NewMember member) {
        if (member.customRoleId() != null && !members.customRoleExists(spotId, member.customRoleId())) {
            throw new InvalidInputException("customRoleId", "unknown custom role");
        }
        try {
            UUID id = members.insert(spotId, member);
            events.publishEvent(MembersChanged.created(spotId, List.of(id)));
            return get(spotId, id);
        } catch (DuplicateKeyException e) {
            throw new ConflictException("email", "A member with the email " + member.email() + " already exists");
        }
    }

    @Transactional
    public BulkInvite invite(UUID spotId, List<String> emails) {
        List<String> valid = new ArrayList<>();
        List<String> failed = new ArrayList<>();
        Set<String> seen = new java.util.HashSet<>();
        for (String email : emails) {
            String trimmed = email == null ? "" : email.trim();
            if (validEmail(trimmed) && seen.add(trimmed.toLowerCase(Locale.ROOT))) {
                valid.add(trimmed);
            } else {
                failed.add(email);
            }
        }
        Map<String, UUID> created = members.insertInvited(spotId, valid);
        if (!created.isEmpty()) {
            events.publishEvent(MembersChanged.created(spotId, created.values()));
        }
        for (String email : valid) {
            if (!created.containsKey(email.toLowerCase(Locale.ROOT))) {
                failed.add(email);
            }
        }
        List<SpotMember> rows = new ArrayList<>(members.findAll(spotId, created.values()));
        return new BulkInvite(rows, failed);
    }

    public SpotMember get(UUID spotId, UUID id) {
        return members.find(spotId, id).orElseThrow(() -> new NotFoundException("Spot member"));
    }

    public ListPage<SpotMember> list(UUID spotId, MultiValueMap<String, String> query) {
        ListQuery list = MemberFilters.read(query);
        return members.page(spotId, list.where(), list.params(), list.paging());
    }

    /** Updates the given columns (already validated); {@code customRoleId} must name a role of the Spot. */
    @Transactional
    public SpotMember update(UUID spotId, UUID id, Map<String, Object> columns) {
        Object role = columns.get("custom_role_id");
        if (role != null && !members.customRoleExists(spotId, (UUID) role)) {
            throw new InvalidInputException("customRoleId", "unknown custom role");
        }
        try {
            if (!members.update(spotId, id, columns)) {
                throw new NotFoundException("Spot member");
            }
        } catch (DuplicateKeyException e) {
            throw new ConflictException("email", "A member with the email " + columns.get("email") + " already exists");
        }
        Set<String> fields = new java.util.TreeSet<>();
        columns.keySet().forEach(column -> {
            String field = RULE_FIELDS.get(column);
            if (field != null) {
                fields.add(field);
            }
        });
        if (columns.containsKey("status")) {
            fields.add("registrationDate");
            fields.add("invitationDate");
        }
        if (!fields.isEmpty()) {
            events.publishEvent(new MembersChanged(spotId, List.of(id), fields));
        }
        return get(spotId, id);
    }

    @Transactional
    public void delete(UUID spotId, UUID id) {
        if (!members.lock(spotId, id)) {
            throw new NotFoundException("Spot member");
        }
        // The modules above refuse first (a community group's owner: 409), before any listener removes anything.
        deletionChecks.orderedStream().forEach(check -> check.checkDeletion(spotId, List.of(id)));
        events.publishEvent(new MembersDeleted(spotId, List.of(id)));
        members.delete(spotId, id);
        log.info("Spot {}: deleted member {}", spotId, id);
    }

    /**
     * The distinct ids, when every one is a member of the Spot; otherwise a 400 naming {@code field[i]} for each
     * null (malformed) id and each id that is not a member.
     */
    public UUID[] requireMembers(UUID spotId, List<UUID> memberIds, String field) {
        Set<UUID> distinct = new LinkedHashSet<>(memberIds);
        distinct.remove(null);
        Set<UUID> known = members.existing(spotId, distinct);
        List<FieldProblem> problems = new ArrayList<>();
        for (int i = 0; i < memberIds.size(); i++) {
            UUID id = memberIds.get(i);
            if (id == null) {
                problems.add(new FieldProblem(field + "[" + i + "]", "must be a UUID"));
            } else if (!known.contains(id)) {
                problems.add(new FieldProblem(field + "[" + i + "]", "is not a member of this Spot"));
            }
        }
        if (!problems.isEmpty()) {
            throw new InvalidInputException(problems);
        }
        return distinct.toArray(UUID[]::new);
    }

    /** The member with this email (case-insensitive), invited into the Spot first when there is none. */
    @Transactional
    public UUID memberForEmail(UUID spotId, String email) {
        if (!validEmail(email)) {
            throw new InvalidInputException("member", "must be a spot member id or an email address");
        }
        Map<String, UUID> created = members.insertInvited(spotId, List.of(email.trim()));
        if (!created.isEmpty()) {
            events.publishEvent(MembersChanged.created(spotId, created.values()));
            return created.values().iterator().next();
        }
        return members.idForEmail(spotId, email.trim())
                .orElseThrow(() -> new IllegalStateException("No member for " + email));
    }

    /**
     * Pending members invited to a live are accepted into the Spot (rule 7): those of {@code ids} still Pending
     * become Accepted, and smart groups reading their status follow. Called in the inviting transaction.
     */
    @Transactional
    public void acceptInvited(UUID spotId, Collection<UUID> ids) {
        if (ids.isEmpty()) {
            return;
        }
        List<UUID> accepted = members.acceptPending(spotId, ids);
        if (!accepted.isEmpty()) {
            events.publishEvent(MembersChanged.of(spotId, accepted, "status", "registrationDate"));
        }
    }

    /** The subset of {@code ids} that are members of the Spot. */
    public Set<UUID> existing(UUID spotId, Collection<UUID> ids) {
        return members.existing(spotId, ids);
    }
}

package dev.cohort.members;

import static dev.cohort.web.Filters.Op.contains;
import static dev.cohort.web.Filters.Op.eq;
import static dev.cohort.web.Filters.Op.in;

import dev.cohort.errors.ConflictException;
import dev.cohort.errors.NotFoundException;
import dev.cohort.web.Filters;
import dev.cohort.web.ListPage;
import dev.cohort.web.ListQuery;
import java.util.List;
import java.util.Map;
import java.util.UUID;
import org.springframework.dao.DuplicateKeyException;
import org.springframework.context.ApplicationEventPublisher;
import org.springframework.stereotype.Service;
import org.springframework.transaction.annotation.Transactional;
import org.springframework.util.MultiValueMap;

/** The custom roles of a Spot; labels are unique per Spot, case-insensitively. */
@Service
class CustomRoleService {
    /** {@code label[eq]} and {@code label[in]} compare case-insensitively, as labels are unique that way. */
    static final Filters.Spec FILTERS = Filters.spec().email("label", "r.label", eq, in, contains);

    private final CustomRoleRepository roles;
    private final ApplicationEventPublisher events;

    CustomRoleService(CustomRoleRepository roles, ApplicationEventPublisher events) {
        this.roles = roles;
        this.events = events;
    }

    @Transactional
    CustomRole create(UUID spotId, String label, String description, List<String> permissions) {
        try {
            return get(spotId, roles.insert(spotId, label, description, permissions));
        } catch (DuplicateKeyException e) {
            throw duplicate(label);
        }
    }

    CustomRole get(UUID spotId, UUID id) {
        return roles.find(spotId, id).orElseThrow(() -> new NotFoundException("Custom role"));
    }

    ListPage<CustomRole> list(UUID spotId, MultiValueMap<String, String> query) {
        ListQuery list = ListQuery.read(query, FILTERS);
        return roles.page(spotId, list.where(), list.params(), list.paging());
    }

    /** Updates the given columns, already validated. */
    @Transactional
    CustomRole update(UUID spotId, UUID id, Map<String, Object> columns) {
        try {
            if (!roles.update(spotId, id, columns)) {
                throw new NotFoundException("Custom role");
            }
        } catch (DuplicateKeyException e) {
            throw duplicate(String.valueOf(columns.get("label")));
        }
        return get(spotId, id);
    }

    /** Deletes the role; the members who held it keep their place in the Spot with no custom role. */
    @Transactional
    void delete(UUID spotId, UUID id) {
        if (!roles.lockForUpdate(spotId, id)) {
            throw new NotFoundException("Custom role");
        }
        roles.clearFromMembers(spotId, id);
        roles.delete(spotId, id);
        events.publishEvent(MembersChanged.everyone(spotId, "customRoleId"));
    }

    private static ConflictException duplicate(String label) {
        return new ConflictException("label", "A custom role labelled '" + label + "' already exists");
    }
}

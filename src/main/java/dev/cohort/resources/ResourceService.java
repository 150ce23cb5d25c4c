package dev.cohort.resources;

import dev.cohort.errors.FieldProblem;
import dev.cohort.errors.InvalidInputException;
import dev.cohort.errors.NotFoundException;
import dev.cohort.web.ListPage;
import dev.cohort.web.ListQuery;
import java.util.List;
import java.util.UUID;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;
import org.springframework.context.ApplicationEventPublisher;
import org.springframework.stereotype.Service;
import org.springframework.transaction.annotation.Transactional;
import tools.jackson.databind.node.ObjectNode;

/**
 * The resources of a Spot, of every type. {@code restricted} is derived from the settings on every write; publishing a
 * Draft course is said by a {@link CoursePublished} event, handled in the same transaction.
 */
@Service
public class ResourceService {
    private static final Logger log = LoggerFactory.getLogger(ResourceService.class);
    private final ResourceRepository resources;
    private final ApplicationEventPublisher events;

    ResourceService(ResourceRepository resources, ApplicationEventPublisher events) {
        this.resources = resources;
        this.events = events;
    }

    /** The resource of this Spot and type; a NotFoundException ("Live not found", ...) otherwise. */
    public Resource require(UUID spotId, ResourceType type, UUID id) {
        return resources.find(spotId, type, id).orElseThrow(() -> new NotFoundException(type.label()));
    }

    /** Creates a resource from its name (a title for lives and courses) and its complete settings. */
    public Resource create(UUID spotId, ResourceType type, String name, ObjectNode settings) {
        check(type, settings);
        Resource created = resources.insert(spotId, type, name, ResourceRules.restricted(type, settings), settings);
        log.debug("Spot {}: created {} {}", spotId, type.code(), created.id());
        return created;
    }

    /** One page of the Spot's resources of a type, oldest first, narrowed by the query's filters. */
    public ListPage<Resource> list(UUID spotId, ResourceType type, ListQuery query) {
        return resources.page(spotId, type, query.where(), query.params(), query.paging());
    }

    /**
     * Renames ({@code name} null keeps it) and merges {@code changes} into the settings (a null value clears that
     * setting); the merged settings are checked as a whole, so a bad combination changes nothing. Publishing a
     * Draft course publishes {@link CoursePublished}, in this transaction: the invitations held back while it was a
     * Draft are sent then, once.
     */
    @Transactional
    public Resource update(UUID spotId, ResourceType type, UUID id, String name, ObjectNode changes) {
        Resource current = resources.lock(spotId, type, id).orElseThrow(() -> new NotFoundException(type.label()));
        ObjectNode merged = ((ObjectNode) current.settings()).deepCopy();
        merged.setAll(changes);
        check(type, merged);
        Resource updated = resources.update(spotId, type, id, name == null ? current.name() : name,
                ResourceRules.restricted(type, merged), merged);
        if (type == ResourceType.COURSE && "Draft".equals(current.setting("status"))
                && !"Draft".equals(updated.setting("status"))) {
            events.publishEvent(new CoursePublished(spotId, id));
        }
        return updated;
    }

    @Transactional
    public void delete(UUID spotId, ResourceType type, UUID id) {
        if (!resources.delete(spotId, type, id)) {
            throw new NotFoundException(type.label());
        }
        log.info("Spot {}: deleted {} {}", spotId, type.code(), id);
    }

    private static void check(ResourceType type, ObjectNode settings) {
        List<FieldProblem> problems = ResourceRules.problems(type, settings);
        if (!problems.isEmpty()) {
            throw new InvalidInputException(problems);
        }
    }
}

package dev.cohort.members;

import dev.cohort.errors.ConflictException;
import dev.cohort.errors.FieldProblem;
import dev.cohort.errors.InvalidInputException;
import dev.cohort.errors.NotFoundException;
import dev.cohort.web.Filters;
import dev.cohort.web.ListPage;
import dev.cohort.web.Paging;
import java.util.ArrayList;
import java.util.Collections;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.UUID;
import org.springframework.dao.DuplicateKeyException;
import org.springframework.context.ApplicationEventPublisher;
import org.springframework.stereotype.Service;
import org.springframework.transaction.annotation.Transactional;
import org.springframework.util.MultiValueMap;
import tools.jackson.databind.JsonNode;

/** Custom property definitions of a Spot and the values members hold for them. */
@Service
public class CustomPropertyService {
    private static final Filters.Spec FILTERS = Filters.spec()
            .text("slug", "p.slug", Filters.Op.eq)
            .text("label", "p.label", Filters.Op.eq, Filters.Op.contains)
            .enumeration("type", "p.type", CustomProperty.TYPES, Filters.Op.eq, Filters.Op.in);

    private final CustomPropertyRepository properties;
    private final ApplicationEventPublisher events;

    CustomPropertyService(CustomPropertyRepository properties, ApplicationEventPublisher events) {
        this.properties = properties;
        this.events = events;
    }

    /**
     * A property to create, or the changes to one (null: unchanged; {@code descriptionGiven} tells a cleared
     * description from an absent one). Its fields are already checked one by one.
     */
    record Definition(String slug, String label, String description, boolean descriptionGiven, String type,
                      List<String> possibleValues) {
    }

    public ListPage<CustomProperty> list(UUID spotId, MultiValueMap<String, String> query) {
        Paging paging = Paging.from(query);
        Filters.Where where = FILTERS.parse(query);
        return properties.page(spotId, where.sql(), where.params(), paging);
    }

    public CustomProperty get(UUID spotId, UUID id) {
        return properties.find(spotId, id).orElseThrow(() -> new NotFoundException("Custom property"));
    }

    /** Every property of the Spot, in list order. */
    public List<CustomProperty> all(UUID spotId) {
        return properties.all(spotId);
    }

    @Transactional
    public CustomProperty create(UUID spotId, Definition definition) {
        requireSeparable(definition.type(), definition.possibleValues());
        try {
            UUID id = properties.insert(spotId, definition.slug(), definition.label(), definition.description(),
                    definition.type(), definition.possibleValues());
            return get(spotId, id);
        } catch (DuplicateKeyException e) {
            throw new ConflictException("slug", "A custom property with the slug '" + definition.slug()
                    + "' already exists");
        }
    }

    /**
     * Replaces label, description and possible values; {@code definition.type()} and {@code slug()} must be null or
     * unchanged. Values using an option that is no longer possible lose it.
     */
    @Transactional
    public CustomProperty update(UUID spotId, UUID id, Definition definition) {
        CustomProperty current = get(spotId, id);
        if (definition.type() != null && !definition.type().equals(current.type())) {
            throw new InvalidInputException("type", "cannot be changed (it is " + current.type()
                    + "); create another property instead");
        }
        if (definition.slug() != null && !definition.slug().equals(current.slug())) {
            throw new InvalidInputException("slug", "cannot be changed (it is '" + current.slug() + "')");
        }
        List<String> values = definition.possibleValues() == null ? current.possibleValues()
                : definition.possibleValues();
        if (current.select() && values.isEmpty()) {
            throw new InvalidInputException("possibleValues", "must not be empty for a " + current.type() + " property");
        }
        if (!current.select() && !values.isEmpty()) {
            throw new InvalidInputException("possibleValues", "only SingleSelect and MultipleSelect properties have "
                    + "possible values");
        }
        requireSeparable(current.type(), values);
        properties.update(spotId, id, definition.label() == null ? current.label() : definition.label(),
                definition.descriptionGiven() ? definition.description() : current.description(), values);
        if (current.select() && !values.containsAll(current.possibleValues())) {
            properties.pruneValues(spotId, id, current.type(), values);
        }
        if (!values.equals(current.possibleValues())) {
            // Values lost an option, or rules may now name one they could not before: rules reading it re-read.
            events.publishEvent(MembersChanged.everyone(spotId, MembersChanged.property(current.slug())));
        }
        return get(spotId, id);
    }

    @Transactional
    public void delete(UUID spotId, UUID id) {
        CustomProperty current = get(spotId, id);
        if (properties.delete(spotId, id) == 0) {
            throw new NotFoundException("Custom property");
        }
        events.publishEvent(MembersChanged.everyone(spotId, MembersChanged.property(current.slug())));
    }

    public ListPage<CustomPropertyValue> values(UUID spotId, UUID memberId, Paging paging) {
        requireMember(spotId, memberId);
        return properties.values(spotId, memberId, paging);
    }

    /** Sets one value (null clears it); 404 for an unknown member or slug, 400 for a value of the wrong type. */
    @Transactional
    public CustomPropertyValue set(UUID spotId, UUID memberId, String slug, JsonNode value) {
        requireMember(spotId, memberId);
        CustomProperty property = properties.findBySlug(spotId, slug)
                .orElseThrow(() -> new NotFoundException("Custom property"));
        JsonNode stored = checked(property, value, "value");
        properties.write(spotId, memberId, Collections.singletonMap(property.id(), stored));
        events.publishEvent(MembersChanged.of(spotId, List.of(memberId), MembersChanged.property(slug)));
        return CustomPropertyValue.of(property, stored);
    }

    /** One slug and value of a multiple update. */
    record Assignment(String slug, JsonNode value) {
    }

    /** Sets several values at once, all or nothing; problems are named {@code [i].field}. */
    @Transactional
    public List<CustomPropertyValue> setAll(UUID spotId, UUID memberId, List<Assignment> assignments) {
        requireMember(spotId, memberId);
        Map<String, CustomProperty> bySlug = new LinkedHashMap<>();
        properties.all(spotId).forEach(p -> bySlug.put(p.slug(), p));
        List<FieldProblem> problems = new ArrayList<>();
        Map<UUID, JsonNode> values = new LinkedHashMap<>();
        List<CustomPropertyValue> result = new ArrayList<>();
        for (int i = 0; i < assignments.size(); i++) {
            Assignment assignment = assignments.get(i);
            CustomProperty property = bySlug.get(assignment.slug());
            if (property == null) {
                problems.add(new FieldProblem("[" + i + "].customPropertySlug",
                        "no custom property '" + assignment.slug() + "' in this Spot"));
                continue;
            }
            if (values.containsKey(property.id())) {
                problems.add(new FieldProblem("[" + i + "].customPropertySlug",
                        "'" + assignment.slug() + "' appears more than once"));
                continue;
            }
            JsonNode stored = null;
            if (assignment.value() != null && !assignment.value().isNull()) {
                PropertyValues.Checked checked = PropertyValues.fromJson(property, assignment.value());
                if (!checked.valid()) {
                    problems.add(new FieldProblem("[" + i + "].value", checked.problem()));
                    continue;
                }
                stored = checked.value();
            }
            values.put(property.id(), stored);
            result.add(CustomPropertyValue.of(property, stored));
        }
        if (!problems.isEmpty()) {
            throw new InvalidInputException(problems);
        }
        properties.write(spotId, memberId, values);
        events.publishEvent(new MembersChanged(spotId, List.of(memberId), assignments.stream()
                .map(a -> MembersChanged.property(a.slug())).collect(java.util.stream.Collectors.toSet())));
        return result;
    }

    private static JsonNode checked(CustomProperty property, JsonNode value, String field) {
        if (value == null || value.isNull()) {
            return null;
        }
        PropertyValues.Checked checked = PropertyValues.fromJson(property, value);
        if (!checked.valid()) {
            throw new InvalidInputException(field, checked.problem());
        }
        return checked.value();
    }

    /** A MultipleSelect option may not hold ';', which separates the options of a value in the import. */
    private static void requireSeparable(String type, List<String> values) {
        if (!CustomProperty.MULTIPLE_SELECT.equals(type)) {
            return;
        }
        List<FieldProblem> problems = new ArrayList<>();
        for (int i = 0; i < values.size(); i++) {
            if (values.get(i).contains(";")) {
                problems.add(new FieldProblem("possibleValues[" + i + "]", "must not contain ';', which separates "
                        + "the values of a MultipleSelect property in the members import"));
            }
        }
        if (!problems.isEmpty()) {
            throw new InvalidInputException(problems);
        }
    }

    private void requireMember(UUID spotId, UUID memberId) {
        if (!properties.memberExists(spotId, memberId)) {
            throw new NotFoundException("Spot member");
        }
    }
}

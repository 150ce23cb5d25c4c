package dev.cohort.smartgroups;

import static dev.cohort.smartgroups.PropertyConditions.property;
import static dev.cohort.smartgroups.PropertyFixtures.DATES;
import static dev.cohort.smartgroups.PropertyFixtures.NODES;
import static dev.cohort.smartgroups.PropertyFixtures.NUMBERS;
import static dev.cohort.smartgroups.PropertyFixtures.PLAN;
import static dev.cohort.smartgroups.PropertyFixtures.PROPS;
import static dev.cohort.smartgroups.PropertyFixtures.ROLES;
import static dev.cohort.smartgroups.PropertyFixtures.SOURCES;
import static dev.cohort.smartgroups.PropertyFixtures.STATUSES;
import static dev.cohort.smartgroups.PropertyFixtures.TEXTS;
import static dev.cohort.smartgroups.PropertyFixtures.TOPICS;
import static dev.cohort.smartgroups.PropertyFixtures.collectTagNames;
import static dev.cohort.smartgroups.PropertyFixtures.prop;
import static dev.cohort.smartgroups.PropertyFixtures.quote;

import dev.cohort.smartgroups.PropertyFixtures.Prop;
import dev.cohort.support.Api;
import java.time.Instant;
import java.time.LocalDate;
import java.util.ArrayList;
import java.util.HashSet;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import java.util.Set;
import java.util.function.Supplier;
import tools.jackson.databind.JsonNode;
import tools.jackson.databind.node.ObjectNode;

/**
 * The steps of {@link SmartGroupPropertyApiTest} that change members and what rules read of them, each one HTTP
 * operation with random arguments: create, bulk-invite, update and delete members, assign and unassign tags, set
 * property values, import a CSV, delete tags, create or delete custom roles, change a select's options.
 */
abstract class PropertyMemberSteps extends PropertyChecks {
    PropertyMemberSteps(long roundSeed, Supplier<Api.SpotClient> newSpot) {
        super(roundSeed, newSpot);
    }

    void changeCustomRoles() {
        if (customRoleIds.size() >= 2 && (customRoleIds.size() >= 5 || rnd.nextBoolean())) {
            String id = pick(customRoleIds);
            delete("/v1/spotMemberCustomRole/" + id).expect(204);
            customRoleIds.remove(id);
            stepDescription = "delete custom role " + id + " (" + roleLabels.get(id) + ")";
        } else {
            String label = "Role " + (++roleCounter);
            String id = post("/v1/spotMemberCustomRole", Map.of("label", label)).expect(201).text("id");
            customRoleIds.add(id);
            roleLabels.put(id, label);
            stepDescription = "create custom role " + id + " (" + label + ")";
        }
    }

    /** Removes an option of a select property (members lose it) or puts one back. */
    void changeOptions() {
        String slug = rnd.nextBoolean() ? "plan" : "topics";
        List<String> current = new ArrayList<>(options.get(slug));
        List<String> missing = new ArrayList<>(slug.equals("plan") ? PLAN : TOPICS);
        missing.removeAll(current);
        if (!missing.isEmpty() && (current.size() <= 2 || rnd.nextBoolean())) {
            current.add(pick(missing));
        } else {
            current.remove(pick(current));
        }
        put("/v1/customProperties/" + propertyIds.get(slug), Map.of("possibleValues", current)).expect(200);
        options.put(slug, current);
        dirtyValues.addAll(members.keySet());
        stepDescription = "possibleValues of " + slug + " set to " + current;
    }

    void createMember(boolean initial) {
        Map<String, Object> body = new LinkedHashMap<>();
        String email = newEmail();
        body.put("email", email);
        body.put("firstname", pick(List.of("Ada", "Alan", "Grace", "Edsger", "Barbara")));
        body.put("lastname", "L" + rnd.nextInt(1000));
        if (rnd.nextInt(4) > 0) {
            body.put("role", pick(ROLES));
        }
        if (rnd.nextInt(5) > 0) {
            body.put("status", pick(STATUSES));
        }
        if (rnd.nextBoolean()) {
            body.put("customRoleId", pick(customRoleIds));
        }
        int source = rnd.nextInt(6);
        if (source == 1) {
            body.put("registrationSource", Map.of("utm_source", pick(SOURCES)));
        } else if (source == 2) {
            body.put("registrationSource", Map.of("source", pick(SOURCES)));
        } else if (source == 3) {
            body.put("registrationSource", Map.of("utm_source", pick(SOURCES), "source", pick(SOURCES),
                    "utm_medium", "email"));
        } else if (source == 4) {
            body.put("registrationSource", Map.of("utm_campaign", "spring"));
        } else if (source == 5) {
            body.put("registrationSource", Map.of("utm_source", pick(SOURCES), "utm_campaign", "spring"));
        }
        String id = post("/v1/spotMembers", body).expect(201).text("id");
        known.add(id);
        stepDescription = "create member " + id + " " + Api.JSON.writeValueAsString(body);
        if (initial || rnd.nextBoolean()) {
            List<Map<String, Object>> values = new ArrayList<>();
            for (Prop p : PROPS) {
                if (rnd.nextInt(3) > 0) {
                    values.add(valueItem(p.slug(), randomValue(p)));
                }
            }
            post("/v1/spotMembers/" + id + "/customPropertiesValues", values).expect(200);
            dirtyValues.add(id);
            stepDescription += ", then values " + Api.JSON.writeValueAsString(values);
        }
    }

    void bulkInvite(int count) {
        List<String> emails = new ArrayList<>();
        for (int i = 0; i < count; i++) {
            emails.add(newEmail());
        }
        if (!known.isEmpty() && rnd.nextInt(3) == 0) {
            emails.add(flipCase(emailOf(pick(known))));
        }
        Api.Response response = post("/v1/spotMembers~bulkInvite",
                Map.of("emails", emails, "withEmailNotification", false)).expect(201);
        response.body().path("created").forEach(m -> known.add(m.path("id").asString()));
        stepDescription = "bulk invite " + emails;
    }

    void updateMember() {
        String id = pick(known);
        Map<String, Object> body = new LinkedHashMap<>();
        if (rnd.nextInt(3) == 0) {
            body.put("role", pick(ROLES));
        }
        if (rnd.nextInt(2) == 0) {
            body.put("status", pick(STATUSES));
        }
        if (rnd.nextInt(3) == 0) {
            body.put("customRoleId", rnd.nextInt(3) == 0 ? null : pick(customRoleIds));
        }
        if (rnd.nextInt(4) == 0) {
            body.put("email", newEmail());
        }
        if (rnd.nextInt(4) == 0 || body.isEmpty()) {
            body.put("firstname", pick(List.of("Ada", "Alan", "Grace", "Edsger", "Barbara")));
        }
        put("/v1/spotMembers/" + id, body).expect(200);
        stepDescription = "update member " + id + " " + Api.JSON.writeValueAsString(body);
    }

    void tagMembers(int count) {
        Tag tag = pick(tags);
        List<String> ids = pickMembers(count);
        boolean assign = rnd.nextInt(3) > 0;
        post("/v1/tags/" + tag.id() + "/spotMembers~" + (assign ? "bulkAssign" : "bulkUnassign"),
                Map.of("spotMemberIds", ids)).expect(204);
        stepDescription = (assign ? "assign" : "unassign") + " tag " + tag.name() + " " + tag.id() + " to "
                + ids.size() + " members " + ids;
    }

    void setValues() {
        String id = pick(known);
        dirtyValues.add(id);
        String path = "/v1/spotMembers/" + id + "/customPropertiesValues";
        if (rnd.nextBoolean()) {
            Prop p = pick(PROPS);
            JsonNode value = rnd.nextInt(5) == 0 ? NODES.nullNode() : randomValue(p);
            ObjectNode body = NODES.objectNode();
            body.set("value", value);
            put(path + "/" + p.slug(), body).expect(200);
            stepDescription = "set " + p.slug() + " of " + id + " to " + value;
        } else {
            List<Map<String, Object>> values = new ArrayList<>();
            for (Prop p : PROPS) {
                if (rnd.nextInt(3) == 0) {
                    values.add(valueItem(p.slug(), rnd.nextInt(4) == 0 ? NODES.nullNode() : randomValue(p)));
                }
            }
            post(path, values).expect(200);
            stepDescription = "set values of " + id + ": " + Api.JSON.writeValueAsString(values);
        }
    }

    void importCsv(int rows) {
        List<String> columns = new ArrayList<>(List.of("email"));
        for (String column : List.of("firstname", "lastname", "role", "status", "tags")) {
            if (rnd.nextBoolean()) {
                columns.add(column);
            }
        }
        for (Prop p : PROPS) {
            if (rnd.nextBoolean()) {
                columns.add(p.slug());
            }
        }
        StringBuilder csv = new StringBuilder(String.join(",", columns)).append("\r\n");
        Set<String> used = new HashSet<>();
        for (int i = 0; i < rows; i++) {
            String email;
            if (!known.isEmpty() && rnd.nextInt(100) < (known.size() > 48 ? 85 : 50)) {
                String id = pick(known);
                email = flipCase(emailOf(id));
                dirtyValues.add(id);
            } else {
                email = newEmail();
            }
            if (!used.add(email.toLowerCase(Locale.ROOT))) {
                email = newEmail();
                used.add(email.toLowerCase(Locale.ROOT));
            }
            List<String> cells = new ArrayList<>();
            for (String column : columns) {
                cells.add(csvCell(column, email));
            }
            csv.append(String.join(",", cells)).append(rnd.nextBoolean() ? "\r\n" : "\n");
        }
        fresh = false;
        requests++;
        Api.Response response = spot.api.send("POST", "/v1/spotMembers~import", spot.key, csv.toString(),
                "text/csv").expect(200);
        if (response.body().path("failed").asInt() != 0) {
            throw new AssertionError("the generated import had failed rows (a test mistake): " + response.body()
                    + "\n" + csv);
        }
        stepDescription = "import " + rows + " rows (" + response.body().path("created").asInt() + " created, "
                + response.body().path("updated").asInt() + " updated):\n" + csv.toString().trim();
        reloadMembers();
        List<Member> created = new ArrayList<>();
        for (Member m : members.values()) {
            if (!known.contains(m.id())) {
                created.add(m);
            }
        }
        created.sort((a, b) -> a.email().toLowerCase(Locale.ROOT).compareTo(b.email().toLowerCase(Locale.ROOT)));
        created.forEach(m -> known.add(m.id()));
    }

    String csvCell(String column, String email) {
        if (column.equals("email")) {
            return email;
        }
        if (rnd.nextInt(10) < 3) {
            return "";
        }
        return switch (column) {
            case "firstname" -> pick(List.of("Ada", "Alan", "Grace", "Linus"));
            case "lastname" -> "I" + rnd.nextInt(100);
            case "role" -> flipCase(pick(ROLES));
            case "status" -> {
                String status = pick(STATUSES);
                yield status.equals("DeclinedInvitation") && rnd.nextBoolean() ? "declined" : flipCase(status);
            }
            case "tags" -> {
                List<String> names = new ArrayList<>();
                for (int k = rnd.nextInt(3); k >= 0; k--) {
                    names.add(rnd.nextInt(12) == 0 ? "imported-" + (++tagCounter) : flipCase(pick(tags).name()));
                }
                yield String.join(";", names);
            }
            default -> propertyCell(prop(column));
        };
    }

    String propertyCell(Prop p) {
        return switch (p.type()) {
            case "Text" -> quote(pick(TEXTS));
            case "SingleSelect" -> flipCase(pick(options.get("plan")));
            case "MultipleSelect" -> {
                List<String> chosen = new ArrayList<>();
                for (String option : options.get("topics")) {
                    if (rnd.nextInt(3) == 0) {
                        chosen.add(flipCase(option));
                    }
                }
                yield chosen.isEmpty() ? pick(options.get("topics")) : String.join(";", chosen);
            }
            case "Boolean" -> flipCase(Boolean.toString(rnd.nextBoolean()));
            case "Number" -> {
                double n = pick(NUMBERS);
                yield n == Math.rint(n) && rnd.nextBoolean() ? Long.toString((long) n) : Double.toString(n);
            }
            default -> {
                long date = pick(DATES);
                int form = rnd.nextInt(3);
                yield form == 0 ? Long.toString(date) : form == 1 && date % 86_400 == 0
                        ? LocalDate.ofEpochDay(date / 86_400).toString() : Instant.ofEpochSecond(date).toString();
            }
        };
    }

    void deleteMember() {
        String id = pick(known);
        delete("/v1/spotMembers/" + id).expect(204);
        known.remove(id);
        groups.forEach(g -> g.exceptions.remove(id));
        exceptionsTouched = true;
        stepDescription = "delete member " + id;
    }

    void deleteTag() {
        // A tag named in a rule is never deleted: whether a name is resolved when the rule is saved or when it is
        // evaluated is not in the contract. Tags referenced by id are fair game: no member has them any more.
        Set<String> named = new HashSet<>();
        groups.forEach(g -> collectTagNames(g.rule, named));
        List<Tag> candidates = tags.stream().filter(t -> !named.contains(t.name().toLowerCase(Locale.ROOT)))
                .toList();
        if (candidates.size() < 2) {
            stepDescription = "delete tag: none deletable";
            return;
        }
        Tag tag = pick(candidates);
        delete("/v1/tags/" + tag.id()).expect(204);
        stepDescription = "delete tag " + tag.name() + " " + tag.id();
    }

}

package dev.cohort.resources;

import static dev.cohort.resources.ResourceFields.NAME_MAX;

import dev.cohort.spots.Caller;
import dev.cohort.system.Settings;
import dev.cohort.web.Body;
import dev.cohort.web.Filtered;
import dev.cohort.web.ListPage;
import io.swagger.v3.oas.annotations.Operation;
import io.swagger.v3.oas.annotations.media.Schema;
import io.swagger.v3.oas.annotations.tags.Tag;
import jakarta.validation.constraints.NotBlank;
import jakarta.validation.constraints.Size;
import java.util.Optional;
import java.util.UUID;
import org.springframework.http.HttpStatus;
import org.springframework.util.MultiValueMap;
import org.springframework.web.bind.annotation.DeleteMapping;
import org.springframework.web.bind.annotation.GetMapping;
import org.springframework.web.bind.annotation.PathVariable;
import org.springframework.web.bind.annotation.PostMapping;
import org.springframework.web.bind.annotation.PutMapping;
import org.springframework.web.bind.annotation.RequestBody;
import org.springframework.web.bind.annotation.RequestParam;
import org.springframework.web.bind.annotation.ResponseStatus;
import org.springframework.web.bind.annotation.RestController;

/** Cohort's collection endpoints (MeltingSpot documents none), over the shared resource table. */
@RestController
@Tag(name = "Collections")
class CollectionController {
    private final ResourceEndpoints<CollectionFields.CollectionView> endpoints;

    CollectionController(CollectionFields fields, ResourceService resources, Settings settings) {
        this.endpoints = new ResourceEndpoints<>(fields, resources, settings.bulkLimit());
    }

    @Body(echoes = CollectionFields.CollectionView.class)
    @Schema(description = "A new collection: name required")
    record CreateCollection(
            @NotBlank @Size(max = NAME_MAX) @Schema(example = "Guides") String name,
            @Schema(example = "How-tos") String description,
            @Schema(example = "📚") String emoji,
            @Schema(allowableValues = {"Private", "Public"}, defaultValue = CollectionFields.DEFAULT_PRIVACY,
                    description = "Private restricts the collection to its members") String privacy) {
    }

    @Body(echoes = CollectionFields.CollectionView.class, partial = true)
    @Schema(description = "The fields to change; absent fields are left as they are")
    record UpdateCollection(
            @NotBlank @Size(max = NAME_MAX) String name,
            @Schema(description = "null clears it") Optional<String> description,
            @Schema(description = "null clears it") Optional<String> emoji,
            @Schema(allowableValues = {"Private", "Public"}) String privacy) {
    }

    @GetMapping("/v1/collections")
    @Filtered(CollectionFields.class)
    @Operation(operationId = "listCollections", summary = "List collections",
            description = "Filters: name[eq], name[contains], privacy[eq] (Private|Public). Oldest first.")
    ListPage<CollectionFields.CollectionView> list(Caller caller, @RequestParam MultiValueMap<String, String> query) {
        return endpoints.list(caller.spotId(), query);
    }

    @GetMapping("/v1/collections/{collectionId}")
    @Operation(operationId = "getCollection",
            summary = "Get a collection", description = "404 when it does not exist in the caller's Spot.")
    CollectionFields.CollectionView get(Caller caller, @PathVariable UUID collectionId) {
        return endpoints.get(caller.spotId(), collectionId);
    }

    @PostMapping("/v1/collections")
    @ResponseStatus(HttpStatus.CREATED)
    @Operation(operationId = "createCollection", summary = "Create a collection",
            description = "name is required; description, emoji and privacy (Private|Public, default Public) are "
                    + "optional. Restricted when Private.")
    CollectionFields.CollectionView create(Caller caller, @RequestBody CreateCollection body) {
        return endpoints.create(caller.spotId(), body);
    }

    @PutMapping("/v1/collections/{collectionId}")
    @Operation(operationId = "updateCollection", summary = "Update a collection",
            description = "Every field optional; null clears description and emoji. A collection as read can be "
                    + "sent back (its id and dates are ignored); a body that changes nothing changes nothing, "
                    + "updatedAt included.")
    CollectionFields.CollectionView update(Caller caller, @PathVariable UUID collectionId,
                                           @RequestBody UpdateCollection body) {
        return endpoints.update(caller.spotId(), collectionId, body);
    }

    @DeleteMapping("/v1/collections/{collectionId}")
    @ResponseStatus(HttpStatus.NO_CONTENT)
    @Operation(operationId = "deleteCollection", summary = "Delete a collection",
            description = "Cohort's: deletes the collection, its group links and participants.")
    void delete(Caller caller, @PathVariable UUID collectionId) {
        endpoints.delete(caller.spotId(), collectionId);
    }
}

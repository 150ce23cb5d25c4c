package dev.cohort.members;

import dev.cohort.spots.Caller;
import io.swagger.v3.oas.annotations.Operation;
import io.swagger.v3.oas.annotations.tags.Tag;
import java.io.IOException;
import java.io.InputStream;
import org.springframework.web.bind.annotation.PostMapping;
import org.springframework.web.bind.annotation.RestController;

/** The members CSV import: Cohort's own endpoint (MeltingSpot imports through its UI only). */
@RestController
@Tag(name = "Spot members")
class MemberImportController {
    private final MemberImportService imports;

    MemberImportController(MemberImportService imports) {
        this.imports = imports;
    }

    @PostMapping(path = "/v1/spotMembers~import", consumes = "text/csv")
    @Operation(operationId = "importSpotMembers", summary = "Import members from a CSV file (UTF-8, RFC 4180)",
            description = "Header row: email (required), firstname, lastname, role (Member|Admin), status (the "
                    + "SpotMember status enum), tags (names separated by ';', created when missing, added to the "
                    + "member's tags), and one column per custom property slug (numbers, true/false, dates as "
                    + "ISO-8601 or Unix seconds, MultipleSelect options separated by ';'; select options match "
                    + "case-insensitively). A known email (case-insensitive) updates that member: only non-empty "
                    + "cells change anything. A new email creates a member (status Invited by default). A row with "
                    + "a bad cell or an email already seen in the file is skipped and listed in errors {line, field, "
                    + "message} (the header is line 1; at most 1000 listed, then errorsTruncated). A malformed file "
                    + "(empty, no email column, unknown or repeated column, wrong number of cells, unclosed quote, "
                    + "not UTF-8) is a 400 naming the line and column, and nothing is imported. More rows than "
                    + "COHORT_IMPORT_MAX_ROWS (default 200000) is a 413.")
    MemberImportService.Result importCsv(Caller caller, InputStream body) throws IOException {
        return imports.importCsv(caller.spotId(), body.readAllBytes());
    }
}

package dev.cohort.members;

import dev.cohort.system.Settings;
import io.swagger.v3.oas.annotations.media.Schema;
import java.util.ArrayList;
import java.util.LinkedHashSet;
import java.util.List;
import java.util.Set;
import java.util.UUID;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;
import org.springframework.context.ApplicationEventPublisher;
import org.springframework.stereotype.Service;
import org.springframework.transaction.support.TransactionTemplate;

/** Imports members from a CSV file: checked in memory, then applied set-based in one transaction. */
@Service
public class MemberImportService {
    private static final Logger log = LoggerFactory.getLogger(MemberImportService.class);

    private final CustomPropertyService properties;
    private final ImportRepository imports;
    private final Settings settings;
    private final ApplicationEventPublisher events;
    private final TransactionTemplate transactions;

    MemberImportService(CustomPropertyService properties, ImportRepository imports, Settings settings,
                        ApplicationEventPublisher events, TransactionTemplate transactions) {
        this.properties = properties;
        this.imports = imports;
        this.settings = settings;
        this.events = events;
        this.transactions = transactions;
    }

    /** What an import did: counts, and the rows skipped with why (at most {@value ImportFile#MAX_ERRORS} listed). */
    @Schema(name = "ImportResult")
    public record Result(int created, int updated, int failed, List<RowError> errors, boolean errorsTruncated) {
    }

    /** One problem of a skipped row; {@code line} counts the header as line 1. */
    @Schema(name = "ImportRowError")
    public record RowError(int line, String field, String message) {
    }

    /** The most data rows one file may hold ({@code COHORT_IMPORT_MAX_ROWS}, default 200000). */
    int maxRows() {
        return settings.integer("COHORT_IMPORT_MAX_ROWS", 200_000);
    }

    public Result importCsv(UUID spotId, byte[] body) {
        long started = System.nanoTime();
        ImportFile file;
        try {
            file = ImportFile.read(body, properties.all(spotId), maxRows());
        } catch (RuntimeException e) {
            log.info("Members import into Spot {} rejected after {} ms ({} bytes): {}", spotId, millis(started),
                    body.length, e.getMessage());
            throw e;
        }
        Set<UUID> propertyIds = new LinkedHashSet<>();
        file.rows.forEach(row -> propertyIds.addAll(row.values().keySet()));
        // The file is read outside the transaction; applying it and its events are one transaction.
        ImportRepository.Counts counts = transactions.execute(status -> {
            ImportRepository.Applied applied = imports.apply(spotId, file.rows, propertyIds);
            events.publishEvent(MembersChanged.created(spotId, applied.created()));
            events.publishEvent(MembersChanged.rewritten(spotId, applied.rewritten()));
            return applied.counts();
        });
        List<RowError> errors = new ArrayList<>(file.errors.size());
        file.errors.forEach(e -> errors.add(new RowError(e.line(), e.field(), e.message())));
        log.info("Members import into Spot {}: {} rows, {} created, {} updated, {} failed in {} ms", spotId,
                file.rows.size() + file.failed, counts.created(), counts.updated(), file.failed, millis(started));
        return new Result(counts.created(), counts.updated(), file.failed, errors, file.errorsTruncated);
    }

    private static long millis(long started) {
        return (System.nanoTime() - started) / 1_000_000;
    }
}

package dev.cohort.groups;

import java.util.List;
import java.util.UUID;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;
import org.springframework.jdbc.core.simple.JdbcClient;
import org.springframework.scheduling.annotation.Scheduled;
import org.springframework.stereotype.Component;
import org.springframework.transaction.support.TransactionTemplate;

/**
 * Folds the member-count deltas of busy groups into one row each, so that reading a count stays a sum over a few
 * rows. Deleting and re-inserting the sum in one statement keeps the total exact while adds go on concurrently.
 */
@Component
class GroupCountCompactor {
    private static final Logger log = LoggerFactory.getLogger(GroupCountCompactor.class);
    static final int THRESHOLD = 8;

    private final JdbcClient jdbc;
    private final TransactionTemplate transactions;

    GroupCountCompactor(JdbcClient jdbc, TransactionTemplate transactions) {
        this.jdbc = jdbc;
        this.transactions = transactions;
    }

    record Key(UUID spotId, UUID groupId) {
    }

    @Scheduled(fixedDelayString = "${COHORT_COUNT_COMPACTION_MILLIS:5000}", initialDelay = 5000)
    void compact() {
        List<Key> busy = jdbc.sql("select spot_id, group_id from group_member_count group by spot_id, group_id "
                        + "having count(*) > :threshold limit 1000")
                .param("threshold", THRESHOLD)
                .query((rs, n) -> new Key(rs.getObject(1, UUID.class), rs.getObject(2, UUID.class))).list();
        for (Key key : busy) {
            transactions.executeWithoutResult(status -> fold(key));
        }
        if (!busy.isEmpty()) {
            log.debug("Folded member-count deltas of {} groups", busy.size());
        }
    }

    void fold(Key key) {
        jdbc.sql("with folded as (delete from group_member_count where spot_id = :spot and group_id = :group "
                        + "returning delta) "
                        + "insert into group_member_count (spot_id, group_id, delta) "
                        + "select :spot, :group, coalesce(sum(delta), 0) from folded")
                .param("spot", key.spotId()).param("group", key.groupId()).update();
    }
}

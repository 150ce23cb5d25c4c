package dev.cohort.system;

import java.sql.Connection;
import java.sql.SQLException;
import javax.sql.DataSource;
import org.postgresql.copy.CopyIn;
import org.postgresql.copy.CopyManager;
import org.postgresql.core.BaseConnection;
import org.springframework.jdbc.datasource.DataSourceUtils;

/**
 * {@code COPY ... FROM STDIN} on the current transaction's connection, for the writes that are too large for bound
 * parameters (an import's rows, an import's smart group memberships).
 */
public final class Copy {
    private Copy() {
    }

    /** What is sent: rows in the format the COPY statement names. */
    @FunctionalInterface
    public interface Body {
        void write(CopyIn copy) throws SQLException;
    }

    /** Runs {@code sql} and sends {@code body}; a failure part-way cancels the COPY, which then writes nothing. */
    public static void in(DataSource dataSource, String sql, Body body) throws SQLException {
        Connection connection = DataSourceUtils.getConnection(dataSource);
        CopyIn copy = new CopyManager(connection.unwrap(BaseConnection.class)).copyIn(sql);
        try {
            body.write(copy);
            copy.endCopy();
        } finally {
            if (copy.isActive()) {
                copy.cancelCopy();
            }
        }
    }
}

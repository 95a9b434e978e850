package org.housingfirst.outcomes.consumption;

import static org.assertj.core.api.Assertions.assertThat;

import java.sql.SQLException;
import java.sql.SQLTransientConnectionException;
import org.junit.jupiter.api.Test;
import org.springframework.dao.DataIntegrityViolationException;
import org.springframework.jdbc.CannotGetJdbcConnectionException;
import org.springframework.jdbc.UncategorizedSQLException;

class RecordFaultsTest {

    @Test
    void dataExceptionsAndConstraintViolationsAreTheRecordsFault() {
        assertThat(RecordFaults.causedByRecord(sql("22P05"))).isTrue(); // jsonb refuses \u0000
        assertThat(RecordFaults.causedByRecord(sql("22008"))).isTrue(); // date out of range
        assertThat(RecordFaults.causedByRecord(
                        new DataIntegrityViolationException("x", new SQLException("x", "23505"))))
                .isTrue();
        assertThat(RecordFaults.causedByRecord(sql("54000"))).isTrue(); // index row too large
        assertThat(RecordFaults.causedByRecord(new IllegalArgumentException("projecting code failed")))
                .isTrue();
    }

    @Test
    void aDatabaseThatIsAwayOrBusyIsNeverTheRecordsFault() {
        assertThat(RecordFaults.causedByRecord(sql("08006"))).isFalse(); // connection failure
        assertThat(RecordFaults.causedByRecord(sql("57P01"))).isFalse(); // terminated by the administrator
        assertThat(RecordFaults.causedByRecord(sql("40001"))).isFalse(); // serialisation failure
        assertThat(RecordFaults.causedByRecord(sql("55P03"))).isFalse(); // lock not available
        assertThat(RecordFaults.causedByRecord(sql("42P01"))).isFalse(); // a table is missing: a deployment fault
        assertThat(RecordFaults.causedByRecord(
                        new CannotGetJdbcConnectionException("x", new SQLTransientConnectionException("timeout"))))
                .isFalse();
    }

    @Test
    void theReasonNamesTheSqlStateNeverTheServersMessage() {
        assertThat(RecordFaults.reason(new UncategorizedSQLException(
                        "insert", "INSERT", new SQLException("value \"19811218-9876\" is wrong", "22P05"))))
                .isEqualTo("the database refused it: SQLSTATE 22P05 (data exception)");
    }

    private static UncategorizedSQLException sql(String state) {
        return new UncategorizedSQLException("batch", "INSERT", new SQLException("refused", state));
    }
}

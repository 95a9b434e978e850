package org.housingfirst.outcomes.consumption;

import java.util.ArrayList;
import java.util.List;
import org.apache.kafka.clients.consumer.ConsumerRecord;
import org.housingfirst.outcomes.projection.EventLog;
import org.housingfirst.outcomes.projection.Projections;
import org.springframework.jdbc.core.simple.JdbcClient;
import org.springframework.stereotype.Component;
import org.springframework.transaction.PlatformTransactionManager;
import org.springframework.transaction.TransactionDefinition;
import org.springframework.transaction.support.TransactionTemplate;

/**
 * The one path that stores a batch of records into a projection version, for the running consumer and for rebuilds
 * alike: in one transaction, every contract event into the event log and the projections, every unreadable or invalid
 * record into the set-aside table, and the next offsets of the batch's partitions. When the database refuses the batch
 * because of one record's content, the batch is stored again record by record, each behind a savepoint, and the
 * refused record is set aside; any other failure (the database is away) is thrown, so the batch is retried and
 * nothing is skipped.
 */
@Component
public class BatchStore {

    /** What storing a batch did. */
    public record Stored(int records, int newEvents, List<SetAside> setAside) {}

    private final ContractRecords reader;
    private final Projections projections;
    private final SetAsideRecords setAsideRecords;
    private final Positions positions;
    private final JdbcClient jdbc;
    private final TransactionTemplate transaction;
    private final TransactionTemplate savepoint;

    BatchStore(
            ContractRecords reader,
            Projections projections,
            SetAsideRecords setAsideRecords,
            Positions positions,
            JdbcClient jdbc,
            PlatformTransactionManager transactions) {
        this.reader = reader;
        this.projections = projections;
        this.setAsideRecords = setAsideRecords;
        this.positions = positions;
        this.jdbc = jdbc;
        this.transaction = new TransactionTemplate(transactions);
        this.savepoint = new TransactionTemplate(transactions);
        this.savepoint.setPropagationBehavior(TransactionDefinition.PROPAGATION_NESTED);
    }

    public Stored store(int version, List<ConsumerRecord<String, byte[]>> records) {
        List<ContractRecords.Accepted> accepted = new ArrayList<>(records.size());
        List<SetAside> rejected = new ArrayList<>();
        for (ConsumerRecord<String, byte[]> record : records) {
            switch (reader.read(record)) {
                case ContractRecords.Accepted a -> accepted.add(a);
                case ContractRecords.Rejected r -> rejected.add(r.setAside());
            }
        }
        try {
            return transaction.execute(tx -> {
                useVersion(version);
                int stored = projections.store(
                        accepted.stream().map(ContractRecords.Accepted::entry).toList());
                finish(records, rejected);
                return new Stored(records.size(), stored, rejected);
            });
        } catch (RuntimeException batchFailure) {
            if (!RecordFaults.causedByRecord(batchFailure)) {
                throw batchFailure;
            }
            return transaction.execute(tx -> storeOneByOne(version, records, accepted, rejected));
        }
    }

    private Stored storeOneByOne(
            int version,
            List<ConsumerRecord<String, byte[]>> records,
            List<ContractRecords.Accepted> accepted,
            List<SetAside> rejected) {
        useVersion(version);
        List<SetAside> setAside = new ArrayList<>(rejected);
        int stored = 0;
        for (ContractRecords.Accepted a : accepted) {
            List<EventLog.Entry> one = List.of(a.entry());
            try {
                stored += savepoint.execute(tx -> projections.store(one));
            } catch (RuntimeException failure) {
                if (!RecordFaults.causedByRecord(failure)) {
                    throw failure;
                }
                setAside.add(SetAside.of(
                        a.record(),
                        SetAside.Kind.UNPROJECTABLE,
                        RecordFaults.reason(failure),
                        a.entry().event().eventId(),
                        "org.housingfirst." + a.entry().type()));
            }
        }
        finish(records, setAside);
        return new Stored(records.size(), stored, setAside);
    }

    private void finish(List<ConsumerRecord<String, byte[]>> records, List<SetAside> setAside) {
        setAsideRecords.store(setAside);
        positions.save(Positions.after(records));
    }

    /** The rest of the transaction writes to this version's tables. */
    private void useVersion(int version) {
        jdbc.sql("SET LOCAL search_path TO " + ProjectionVersions.schema(version) + ", public")
                .update();
    }
}

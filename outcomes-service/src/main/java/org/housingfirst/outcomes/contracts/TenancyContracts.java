package org.housingfirst.outcomes.contracts;

import java.sql.Timestamp;
import java.time.Instant;
import java.time.LocalDate;
import java.util.ArrayList;
import java.util.HashMap;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import org.housingfirst.contracts.Municipality;
import org.housingfirst.contracts.tenancy.ContractType;
import org.springframework.jdbc.core.simple.JdbcClient;
import org.springframework.stereotype.Component;

/** Reads a municipality's tenancies with their contracts, as of a date and as known at an instant. */
@Component
public class TenancyContracts {

    private final JdbcClient jdbc;

    TenancyContracts(JdbcClient jdbc) {
        this.jdbc = jdbc;
    }

    public FirstHandLeases firstHandLeases(
            Municipality municipality, LocalDate asOf, LocalDate from, LocalDate to, Instant knownAt) {
        record Row(
                String type, String tenancy, LocalDate on, String contract, String fromContract, String toContract) {}
        List<Row> rows = jdbc.sql("""
                SELECT type, data ->> 'tenancyId' AS tenancy, occurred_on, data ->> 'contractType' AS contract,
                       data ->> 'fromContractType' AS from_contract, data ->> 'toContractType' AS to_contract
                FROM event_log
                WHERE country = ? AND municipality_code = ? AND recorded_at < ? AND occurred_on <= ?
                  AND type IN ('tenancy.TenancyStarted.v1', 'tenancy.TenancyEnded.v1',
                               'tenancy.TenancyContractConverted.v1')""")
                .params(
                        municipality.country(),
                        municipality.code(),
                        Timestamp.from(knownAt),
                        to.isAfter(asOf) ? to : asOf)
                .query((rs, n) -> new Row(
                        rs.getString("type"),
                        rs.getString("tenancy"),
                        rs.getObject("occurred_on", LocalDate.class),
                        rs.getString("contract"),
                        rs.getString("from_contract"),
                        rs.getString("to_contract")))
                .list();
        Map<String, Row> starts = new LinkedHashMap<>();
        Map<String, LocalDate> ends = new HashMap<>();
        Map<String, List<FirstHandLeases.Conversion>> conversions = new HashMap<>();
        for (Row row : rows) {
            switch (row.type()) {
                case "tenancy.TenancyStarted.v1" -> starts.put(row.tenancy(), row);
                case "tenancy.TenancyEnded.v1" -> ends.put(row.tenancy(), row.on());
                default ->
                    conversions
                            .computeIfAbsent(row.tenancy(), t -> new ArrayList<>())
                            .add(new FirstHandLeases.Conversion(
                                    row.on(),
                                    ContractType.valueOf(row.fromContract()),
                                    ContractType.valueOf(row.toContract())));
            }
        }
        List<FirstHandLeases.Tenancy> tenancies = starts.values().stream()
                .map(s -> new FirstHandLeases.Tenancy(
                        s.on(),
                        ends.get(s.tenancy()),
                        ContractType.valueOf(s.contract()),
                        conversions.getOrDefault(s.tenancy(), List.of())))
                .toList();
        return FirstHandLeases.compute(tenancies, asOf, from, to);
    }
}

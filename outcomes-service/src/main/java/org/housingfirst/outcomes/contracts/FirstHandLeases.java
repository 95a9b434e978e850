package org.housingfirst.outcomes.contracts;

import java.time.LocalDate;
import java.util.Comparator;
import java.util.List;
import org.housingfirst.contracts.tenancy.ContractType;

/**
 * The first-hand lease share (`first-hand-share-v1`, domain brief §8.3): of the tenancies active on the as-of date,
 * those whose contract on that date is the participant's own first-hand lease; and the conversions to a first-hand
 * lease dated within a period.
 *
 * @param activeTenancies tenancies moved into on or before the as-of date and not ended by it
 * @param firstHand of those, with a first-hand lease on the as-of date
 * @param share firstHand / activeTenancies, null when none is active
 * @param conversionsToFirstHand conversions from another contract to a first-hand lease dated in the period
 */
public record FirstHandLeases(int activeTenancies, int firstHand, Double share, int conversionsToFirstHand) {

    public static final String DEFINITION_VERSION = "first-hand-share-v1";

    /** A change of contract on a date. */
    public record Conversion(LocalDate on, ContractType from, ContractType to) {}

    /** One tenancy with its starting contract and later conversions; {@code end} null while active. */
    public record Tenancy(LocalDate moveIn, LocalDate end, ContractType startContract, List<Conversion> conversions) {}

    public static FirstHandLeases compute(
            List<Tenancy> tenancies, LocalDate asOf, LocalDate periodFrom, LocalDate periodTo) {
        int active = 0;
        int firstHand = 0;
        int conversions = 0;
        for (Tenancy tenancy : tenancies) {
            for (Conversion c : tenancy.conversions()) {
                if (c.to() == ContractType.FIRST_HAND_LEASE
                        && c.from() != ContractType.FIRST_HAND_LEASE
                        && !c.on().isBefore(periodFrom)
                        && !c.on().isAfter(periodTo)) {
                    conversions++;
                }
            }
            boolean isActive = !tenancy.moveIn().isAfter(asOf)
                    && (tenancy.end() == null || tenancy.end().isAfter(asOf));
            if (isActive) {
                active++;
                ContractType current = tenancy.startContract();
                for (Conversion c : tenancy.conversions().stream()
                        .sorted(Comparator.comparing(Conversion::on))
                        .toList()) {
                    if (!c.on().isAfter(asOf)) {
                        current = c.to();
                    }
                }
                if (current == ContractType.FIRST_HAND_LEASE) {
                    firstHand++;
                }
            }
        }
        return new FirstHandLeases(active, firstHand, active == 0 ? null : (double) firstHand / active, conversions);
    }
}

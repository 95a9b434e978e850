package org.housingfirst.outcomes.pathways;

import java.time.LocalDate;
import java.util.Comparator;
import java.util.List;
import java.util.Optional;
import org.housingfirst.contracts.DestinationCategory;

/**
 * Returns to homelessness after a positive exit, in the manner of HUD System Performance Measure 2 (domain brief
 * §5.4): the universe is every participant whose earliest exit to a PERMANENT destination in [from, to] lies at least
 * 24 months before the as-of date; a return is a new enrolment in the programme more than 14 days and at most 24
 * months after that exit (earlier ones are transfers). Returns are counted by time to return: up to 6 months, 7 to 12,
 * 13 to 24. The contract has no record of homelessness episodes outside the programme, so only re-enrolments count.
 *
 * @param exits participants in the universe
 * @param returned of them, enrolled again within 24 months
 * @param withinSixMonths returned at most 6 months after the exit
 * @param withinTwelveMonths returned after 6 and at most 12 months
 * @param withinTwentyFourMonths returned after 12 and at most 24 months
 * @param rate returned / exits, null when there are no exits
 */
public record ReturnsToHomelessness(
        int exits, int returned, int withinSixMonths, int withinTwelveMonths, int withinTwentyFourMonths, Double rate) {

    public static final String DEFINITION_VERSION = "returns-to-homelessness-v1(permanent-exits,re-enrolment>14d,24m)";
    public static final int TRANSFER_DAYS = 14;
    public static final int FOLLOW_UP_MONTHS = 24;

    /** One exit from the programme. */
    public record Exit(LocalDate on, DestinationCategory destination) {}

    /** One participant's exits and enrolments in the programme. */
    public record Path(List<Exit> exits, List<LocalDate> enrolments) {}

    /** The exit window must end at least 24 months before {@code asOf} so every exit has its full follow-up. */
    public static ReturnsToHomelessness compute(List<Path> paths, LocalDate from, LocalDate to, LocalDate asOf) {
        if (to.plusMonths(FOLLOW_UP_MONTHS).isAfter(asOf)) {
            throw new IllegalArgumentException("the exit window must end 24 months before the as-of date");
        }
        int exits = 0;
        int[] buckets = new int[3];
        for (Path path : paths) {
            Optional<LocalDate> exit = path.exits().stream()
                    .filter(e -> e.destination() == DestinationCategory.PERMANENT)
                    .map(Exit::on)
                    .filter(on -> !on.isBefore(from) && !on.isAfter(to))
                    .min(Comparator.naturalOrder());
            if (exit.isEmpty()) {
                continue;
            }
            exits++;
            LocalDate exitOn = exit.get();
            path.enrolments().stream()
                    .filter(on -> on.isAfter(exitOn.plusDays(TRANSFER_DAYS))
                            && !on.isAfter(exitOn.plusMonths(FOLLOW_UP_MONTHS)))
                    .min(Comparator.naturalOrder())
                    .ifPresent(back -> buckets[
                            !back.isAfter(exitOn.plusMonths(6)) ? 0 : !back.isAfter(exitOn.plusMonths(12)) ? 1 : 2]++);
        }
        int returned = buckets[0] + buckets[1] + buckets[2];
        return new ReturnsToHomelessness(
                exits, returned, buckets[0], buckets[1], buckets[2], exits == 0 ? null : (double) returned / exits);
    }
}

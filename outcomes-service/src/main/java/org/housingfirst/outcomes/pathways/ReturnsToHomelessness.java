package org.housingfirst.outcomes.pathways;

import java.time.LocalDate;
import java.time.temporal.ChronoUnit;
import java.util.Comparator;
import java.util.List;
import java.util.Optional;
import org.housingfirst.contracts.DestinationCategory;

/**
 * Returns to homelessness after a positive exit, in the manner of HUD System Performance Measure 2 (domain brief
 * §5.4): the universe is every participant whose earliest exit to a PERMANENT destination in [from, to] lies at least
 * 730 days before the as-of date; a return is a new enrolment in the programme more than 14 days and at most 730 days
 * after that exit (earlier ones are transfers). Returns are counted in HUD's day bands: days 0–180, 181–365 and
 * 366–730 after the exit; one on day 731 is none. The contract has no record of homelessness episodes outside the
 * programme, so only re-enrolments count.
 *
 * @param exits participants in the universe
 * @param returned of them, enrolled again within 730 days
 * @param withinSixMonths returned on day 0–180 after the exit
 * @param withinTwelveMonths returned on day 181–365
 * @param withinTwentyFourMonths returned on day 366–730
 * @param rate returned / exits, null when there are no exits
 */
public record ReturnsToHomelessness(
        int exits, int returned, int withinSixMonths, int withinTwelveMonths, int withinTwentyFourMonths, Double rate) {

    public static final String DEFINITION_VERSION =
            "returns-to-homelessness-v2(permanent-exits,re-enrolment>14d,days-180-365-730)";
    public static final int TRANSFER_DAYS = 14;
    /** HUD's bands: the last day of each, counted from the exit. */
    public static final int SIX_MONTHS_DAYS = 180;

    public static final int TWELVE_MONTHS_DAYS = 365;
    public static final int FOLLOW_UP_DAYS = 730;

    /** One exit from the programme. */
    public record Exit(LocalDate on, DestinationCategory destination) {}

    /** One participant's exits and enrolments in the programme. */
    public record Path(List<Exit> exits, List<LocalDate> enrolments) {}

    /** True when every exit up to {@code to} has its full 730 days of follow-up by {@code asOf}. */
    public static boolean fullFollowUp(LocalDate to, LocalDate asOf) {
        return !to.plusDays(FOLLOW_UP_DAYS).isAfter(asOf);
    }

    /** The exit window must end at least 730 days before {@code asOf} so every exit has its full follow-up. */
    public static ReturnsToHomelessness compute(List<Path> paths, LocalDate from, LocalDate to, LocalDate asOf) {
        if (!fullFollowUp(to, asOf)) {
            throw new IllegalArgumentException("the exit window must end 730 days before the as-of date");
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
                    .map(on -> ChronoUnit.DAYS.between(exitOn, on))
                    .filter(days -> days > TRANSFER_DAYS && days <= FOLLOW_UP_DAYS)
                    .min(Comparator.naturalOrder())
                    .ifPresent(days -> buckets[days <= SIX_MONTHS_DAYS ? 0 : days <= TWELVE_MONTHS_DAYS ? 1 : 2]++);
        }
        int returned = buckets[0] + buckets[1] + buckets[2];
        return new ReturnsToHomelessness(
                exits, returned, buckets[0], buckets[1], buckets[2], exits == 0 ? null : (double) returned / exits);
    }
}

package org.housingfirst.outcomes.pathways;

import java.time.LocalDate;
import java.util.Comparator;
import java.util.List;
import org.housingfirst.outcomes.retention.TenancySpell;

/**
 * A HUD System Performance Measure 7b.2-style ratio over a period (domain brief §5.4): of everyone housed in a
 * programme tenancy at any time in [from, to], the stayers (housed on {@code to}, or rehoused within the gap after their
 * last tenancy) plus the leavers who went to permanent housing, over all stayers and leavers. Leavers who died or moved
 * to long-term care are excluded from both and reported separately; HUD's hospital and foster-care destinations have no
 * counterpart in the contract.
 *
 * @param stayers housed at the end of the period, or rehoused within the gap
 * @param leaversToPermanent left for permanent housing (MOVED_TO_OTHER_PERMANENT_HOUSING or a PERMANENT destination)
 * @param leaversOther left for anywhere else, or to an unknown destination
 * @param excluded left because they died or moved to long-term care
 * @param denominator stayers + leavers to permanent + other leavers
 * @param rate (stayers + leavers to permanent) / denominator, null when 0
 */
public record PeriodRetention(
        int stayers, int leaversToPermanent, int leaversOther, int excluded, int denominator, Double rate) {

    public static final String DEFINITION_VERSION = "hud-7b2-style-v2(gap=%dd,deaths-and-long-term-care-excluded)";

    public static PeriodRetention compute(
            List<List<TenancySpell>> participants, LocalDate from, LocalDate to, int rehousingGapDays) {
        int stayers = 0;
        int permanent = 0;
        int other = 0;
        int excluded = 0;
        for (List<TenancySpell> spells : participants) {
            List<TenancySpell> inPeriod = spells.stream()
                    .filter(s -> !s.moveIn().isAfter(to)
                            && (s.end() == null || !s.end().isBefore(from)))
                    .sorted(Comparator.comparing(TenancySpell::moveIn))
                    .toList();
            if (inPeriod.isEmpty()) {
                continue;
            }
            TenancySpell last = inPeriod.stream().max(TenancySpell.BY_END).orElseThrow();
            if (last.covers(to) || rehousedWithinGap(spells, last, rehousingGapDays)) {
                stayers++;
            } else if (last.ending() == TenancySpell.Ending.DECEASED
                    || last.ending() == TenancySpell.Ending.LONG_TERM_CARE) {
                excluded++;
            } else if (last.ending() == TenancySpell.Ending.POSITIVE) {
                permanent++;
            } else {
                other++;
            }
        }
        int denominator = stayers + permanent + other;
        return new PeriodRetention(
                stayers,
                permanent,
                other,
                excluded,
                denominator,
                denominator == 0 ? null : (double) (stayers + permanent) / denominator);
    }

    private static boolean rehousedWithinGap(List<TenancySpell> spells, TenancySpell ended, int gapDays) {
        LocalDate by = ended.end().plusDays(gapDays);
        return spells.stream()
                .anyMatch(s -> s.moveIn().isAfter(ended.end()) && !s.moveIn().isAfter(by));
    }
}

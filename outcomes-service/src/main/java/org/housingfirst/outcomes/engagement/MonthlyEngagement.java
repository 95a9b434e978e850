package org.housingfirst.outcomes.engagement;

import java.time.LocalDate;
import java.time.YearMonth;
import java.util.HashMap;
import java.util.HashSet;
import java.util.List;
import java.util.Map;
import java.util.Set;

/**
 * Support engagement in one calendar month (`engagement-monthly-v1`). A participant is active in the month when one of
 * their episodes started on or before its last day and had not ended before its first day. Completed contacts are
 * those not marked missed. The decline rate is over the offers made in the month, answered by the as-of date.
 *
 * @param activeParticipants participants with an episode open during part of the month
 * @param completedContacts completed contacts of active participants in the month
 * @param contactsPerParticipantMonth completed contacts / active participants, null when none are active
 * @param participantsWithoutContact active participants with no completed contact in the month
 * @param offers offers made in the month
 * @param declined of those offers, the ones declined
 * @param declineRate declined / offers, null when no offer was made
 */
public record MonthlyEngagement(
        int activeParticipants,
        int completedContacts,
        Double contactsPerParticipantMonth,
        int participantsWithoutContact,
        int offers,
        int declined,
        Double declineRate) {

    public static final String DEFINITION_VERSION = "engagement-monthly-v1";

    /** One support episode; {@code end} is null while it lasts. */
    public record Episode(String participant, LocalDate start, LocalDate end) {}

    public record Contact(String participant, LocalDate on, boolean missed) {}

    /** An offer and whether it was declined by the as-of date. */
    public record Offer(String participant, LocalDate on, boolean declined) {}

    public static MonthlyEngagement compute(
            YearMonth month, List<Episode> episodes, List<Contact> contacts, List<Offer> offers) {
        Map<String, Integer> completed = new HashMap<>();
        for (Contact c : contacts) {
            if (!c.missed() && YearMonth.from(c.on()).equals(month)) {
                completed.merge(c.participant(), 1, Integer::sum);
            }
        }
        return fromCounts(month, episodes, completed, offers);
    }

    /**
     * The month's engagement from each participant's number of completed contacts dated in the month; contacts of
     * participants without an active episode do not count.
     */
    public static MonthlyEngagement fromCounts(
            YearMonth month, List<Episode> episodes, Map<String, Integer> completedContacts, List<Offer> offers) {
        LocalDate first = month.atDay(1);
        LocalDate last = month.atEndOfMonth();
        Set<String> active = new HashSet<>();
        for (Episode e : episodes) {
            if (!e.start().isAfter(last) && (e.end() == null || !e.end().isBefore(first))) {
                active.add(e.participant());
            }
        }
        int completed = 0;
        int withContact = 0;
        for (String participant : active) {
            int contacts = completedContacts.getOrDefault(participant, 0);
            completed += contacts;
            withContact += contacts > 0 ? 1 : 0;
        }
        int offered = 0;
        int declined = 0;
        for (Offer o : offers) {
            if (YearMonth.from(o.on()).equals(month)) {
                offered++;
                if (o.declined()) {
                    declined++;
                }
            }
        }
        return new MonthlyEngagement(
                active.size(),
                completed,
                active.isEmpty() ? null : (double) completed / active.size(),
                active.size() - withContact,
                offered,
                declined,
                offered == 0 ? null : (double) declined / offered);
    }
}

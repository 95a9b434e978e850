package org.housingfirst.outcomes.engagement;

import static org.assertj.core.api.Assertions.assertThat;

import java.time.LocalDate;
import java.time.YearMonth;
import java.util.List;
import org.assertj.core.data.Offset;
import org.housingfirst.outcomes.engagement.MonthlyEngagement.Contact;
import org.housingfirst.outcomes.engagement.MonthlyEngagement.Episode;
import org.housingfirst.outcomes.engagement.MonthlyEngagement.Offer;
import org.junit.jupiter.api.Test;

class MonthlyEngagementTest {

    private static LocalDate d(String iso) {
        return LocalDate.parse(iso);
    }

    /*
     * March 2026. Episodes: A from 2026-01-01, open; B from 2026-03-15, open; C 2025-06-01 to 2026-02-20 (not active);
     * D 2026-02-01 to 2026-03-10 (active part of March). Active: A, B, D = 3.
     * Contacts in March: A 03-05 and 03-19 completed, 03-25 missed; B 03-20 completed; D none. Completed 3: 3 / 3 = 1.0
     * per participant-month; D has no contact: 1.
     * Offers made in March: A 03-02 declined, B 03-16 accepted, A 03-28 declined in April; D's offer of 02-25, declined
     * on 03-01, belongs to February. Declined 2 of 3 = 0.667.
     */
    @Test
    void countsTheHandWorkedMonth() {
        MonthlyEngagement march = MonthlyEngagement.compute(
                YearMonth.of(2026, 3),
                List.of(
                        new Episode("A", d("2026-01-01"), null),
                        new Episode("B", d("2026-03-15"), null),
                        new Episode("C", d("2025-06-01"), d("2026-02-20")),
                        new Episode("D", d("2026-02-01"), d("2026-03-10"))),
                List.of(
                        new Contact("A", d("2026-03-05"), false),
                        new Contact("A", d("2026-03-19"), false),
                        new Contact("A", d("2026-03-25"), true),
                        new Contact("B", d("2026-03-20"), false),
                        new Contact("A", d("2026-02-27"), false)),
                List.of(
                        new Offer("A", d("2026-03-02"), true),
                        new Offer("B", d("2026-03-16"), false),
                        new Offer("A", d("2026-03-28"), true),
                        new Offer("D", d("2026-02-25"), true)));

        assertThat(march.activeParticipants()).isEqualTo(3);
        assertThat(march.completedContacts()).isEqualTo(3);
        assertThat(march.contactsPerParticipantMonth()).isEqualTo(1.0);
        assertThat(march.participantsWithoutContact()).isEqualTo(1);
        assertThat(march.offers()).isEqualTo(3);
        assertThat(march.declined()).isEqualTo(2);
        assertThat(march.declineRate()).isCloseTo(2.0 / 3, Offset.offset(1e-12));
    }

    @Test
    void givesNoRatesForAnEmptyMonth() {
        MonthlyEngagement empty = MonthlyEngagement.compute(YearMonth.of(2026, 3), List.of(), List.of(), List.of());
        assertThat(empty.contactsPerParticipantMonth()).isNull();
        assertThat(empty.declineRate()).isNull();
    }
}

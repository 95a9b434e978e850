package org.housingfirst.tenancy.tenancy;

import static org.assertj.core.api.Assertions.assertThat;

import java.time.Clock;
import java.time.Instant;
import java.time.LocalDate;
import java.time.ZoneId;
import java.util.UUID;
import org.axonframework.test.aggregate.AggregateTestFixture;
import org.axonframework.test.aggregate.FixtureConfiguration;
import org.housingfirst.contracts.ContractEvent;
import org.housingfirst.contracts.DestinationCategory;
import org.housingfirst.contracts.Municipality;
import org.housingfirst.contracts.tenancy.AbsenceType;
import org.housingfirst.contracts.tenancy.ContractType;
import org.housingfirst.contracts.tenancy.EndInitiatedBy;
import org.housingfirst.contracts.tenancy.EndReason;
import org.housingfirst.contracts.tenancy.HousingType;
import org.housingfirst.contracts.tenancy.LandlordType;
import org.housingfirst.contracts.tenancy.LeaseHolder;
import org.housingfirst.contracts.tenancy.OfferDeclineReason;
import org.housingfirst.contracts.tenancy.SecurityOfTenure;
import org.housingfirst.contracts.tenancy.TemporaryAbsenceStarted;
import org.housingfirst.contracts.tenancy.TenancyContractConverted;
import org.housingfirst.contracts.tenancy.TenancyCorrected;
import org.housingfirst.contracts.tenancy.TenancyEnded;
import org.housingfirst.contracts.tenancy.TenancyStarted;
import org.housingfirst.contracts.tenancy.TenancySustained;
import org.housingfirst.domain.BusinessDates;
import org.housingfirst.domain.EventContext;
import org.housingfirst.domain.HousingOfferId;
import org.housingfirst.domain.ParticipantId;
import org.housingfirst.domain.RuleViolation;
import org.housingfirst.domain.TenancyId;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;

class HousingHistoryTest {

    private static final ZoneId ZONE = ZoneId.of("Europe/Stockholm");
    private static final LocalDate TODAY = LocalDate.of(2026, 11, 24);
    private static final Instant NOW = TODAY.atTime(10, 0).atZone(ZONE).toInstant();
    private static final Municipality MALMO = new Municipality("SE", "1280", "SCB-2025");
    private static final String PARTICIPANT = "huxgmmbtf73mlcalghrgfsjrlg3pqivjde4m3hb4wqv2d2edj2ga";
    private static final HousingHistoryId HISTORY = HousingHistoryId.of(MALMO, new ParticipantId(PARTICIPANT));
    private static final UUID TENANCY = UUID.fromString("8b0e6f3a-2c4d-4e5f-8a9b-1c2d3e4f5a6b");
    private static final UUID EVENT = UUID.fromString("3f1c2a9e-5b7d-4c1e-9a2f-6d8e0b4c7a11");

    private FixtureConfiguration<HousingHistory> fixture;

    @BeforeEach
    void fixture() {
        fixture = new AggregateTestFixture<>(HousingHistory.class);
        fixture.registerInjectableResource(new BusinessDates(Clock.fixed(NOW, ZONE), BusinessDates.DEFAULT_EARLIEST));
    }

    private static EventContext context() {
        return new EventContext(EVENT, new ParticipantId(PARTICIPANT), "malmo-bostad-forst", MALMO, NOW);
    }

    private static StartTenancy start(UUID tenancyId, LocalDate moveIn) {
        return new StartTenancy(
                HISTORY,
                context(),
                new TenancyId(tenancyId),
                null,
                moveIn,
                ContractType.FIRST_HAND_LEASE,
                SecurityOfTenure.FULL,
                LeaseHolder.PARTICIPANT,
                HousingType.SCATTERED_SITE,
                LandlordType.PUBLIC_HOUSING,
                false,
                null);
    }

    private static TenancyStarted started(UUID tenancyId, LocalDate moveIn) {
        return new TenancyStarted(
                EVENT,
                PARTICIPANT,
                "malmo-bostad-forst",
                MALMO,
                moveIn,
                NOW,
                tenancyId,
                null,
                ContractType.FIRST_HAND_LEASE,
                SecurityOfTenure.FULL,
                LeaseHolder.PARTICIPANT,
                HousingType.SCATTERED_SITE,
                LandlordType.PUBLIC_HOUSING,
                false,
                null);
    }

    private static TenancySustained sustained(UUID tenancyId, LocalDate moveIn, int months) {
        return new TenancySustained(
                ContractEvent.derivedEventId("TenancySustained:" + tenancyId + ":" + months),
                PARTICIPANT,
                "malmo-bostad-forst",
                MALMO,
                moveIn.plusMonths(months),
                NOW,
                tenancyId,
                months,
                moveIn);
    }

    private static TenancyEnded ended(UUID tenancyId, LocalDate endDate) {
        return new TenancyEnded(
                EVENT,
                PARTICIPANT,
                "malmo-bostad-forst",
                MALMO,
                endDate,
                NOW,
                tenancyId,
                EndReason.EVICTION_RENT_ARREARS,
                DestinationCategory.TEMPORARY,
                EndInitiatedBy.LANDLORD);
    }

    private static EndTenancy end(UUID tenancyId, LocalDate endDate) {
        return new EndTenancy(
                HISTORY,
                context(),
                new TenancyId(tenancyId),
                endDate,
                EndReason.EVICTION_RENT_ARREARS,
                DestinationCategory.TEMPORARY,
                EndInitiatedBy.LANDLORD);
    }

    @Test
    void startsATenancyWithNoMilestoneWhenNoneHasPassed() {
        LocalDate moveIn = TODAY.minusMonths(5);
        fixture.givenNoPriorActivity().when(start(TENANCY, moveIn)).expectEvents(started(TENANCY, moveIn));
    }

    /* Move-in 2025-10-24, 13 months before 2026-11-24: 6 months is 2026-04-24, 12 months 2026-10-24, 24 months 2027-10-24. */
    @Test
    void sustainsABackDatedTenancyAtOnceForEveryMilestoneAlreadyPassed() {
        LocalDate moveIn = LocalDate.of(2025, 10, 24);
        fixture.givenNoPriorActivity()
                .when(start(TENANCY, moveIn))
                .expectEvents(started(TENANCY, moveIn), sustained(TENANCY, moveIn, 6), sustained(TENANCY, moveIn, 12))
                .expectState(history ->
                        assertThat(sustained(TENANCY, moveIn, 12).occurredOn()).isEqualTo(LocalDate.of(2026, 10, 24)));
    }

    @Test
    void sustainsTenancyAtTwelveMonthsWhenDue() {
        LocalDate moveIn = TODAY.minusMonths(12);
        fixture.given(started(TENANCY, moveIn), sustained(TENANCY, moveIn, 6))
                .when(new SustainTenancy(HISTORY, new TenancyId(TENANCY), 12, NOW))
                .expectEvents(sustained(TENANCY, moveIn, 12));
    }

    @Test
    void ignoresAMilestoneThatIsNotDueOrAlreadyReached() {
        LocalDate moveIn = TODAY.minusMonths(7);
        fixture.given(started(TENANCY, moveIn), sustained(TENANCY, moveIn, 6))
                .when(new SustainTenancy(HISTORY, new TenancyId(TENANCY), 6, NOW))
                .expectNoEvents();
        fixture.given(started(TENANCY, moveIn), sustained(TENANCY, moveIn, 6))
                .when(new SustainTenancy(HISTORY, new TenancyId(TENANCY), 12, NOW))
                .expectNoEvents();
    }

    @Test
    void emitsNoMilestoneAfterTheTenancyEnded() {
        LocalDate moveIn = TODAY.minusMonths(13);
        fixture.given(started(TENANCY, moveIn), ended(TENANCY, moveIn.plusMonths(3)))
                .when(new SustainTenancy(HISTORY, new TenancyId(TENANCY), 6, NOW))
                .expectNoEvents();
    }

    private static TemporaryAbsenceStarted absenceStarted(LocalDate on, UUID absence) {
        return new TemporaryAbsenceStarted(
                EVENT, PARTICIPANT, "malmo-bostad-forst", MALMO, on, NOW, TENANCY, absence, AbsenceType.PRISON);
    }

    @Test
    void temporaryAbsenceDoesNotStopTheClock() {
        LocalDate moveIn = TODAY.minusMonths(6);
        UUID absence = UUID.randomUUID();
        fixture.given(started(TENANCY, moveIn), absenceStarted(moveIn.plusMonths(2), absence))
                .when(new SustainTenancy(HISTORY, new TenancyId(TENANCY), 6, NOW))
                .expectEvents(sustained(TENANCY, moveIn, 6));
    }

    /**
     * A snapshot (ADR 0007) holds every field of the aggregate: what is read back equals, field by field, what was
     * written, down to the tenancies' absences and milestones.
     */
    @Test
    void aSnapshotReadsBackAsTheSameState() {
        LocalDate moveIn = TODAY.minusMonths(6);
        UUID absence = UUID.randomUUID();
        fixture.given(started(TENANCY, moveIn), absenceStarted(moveIn.plusMonths(2), absence))
                .when(new SustainTenancy(HISTORY, new TenancyId(TENANCY), 6, NOW))
                .expectState(history -> {
                    org.axonframework.serialization.Serializer snapshots =
                            org.housingfirst.outbox.eventstore.AggregateSnapshots.serializer();
                    var written = snapshots.serialize(history, byte[].class);
                    assertThat(written.getType().getRevision()).isEqualTo("2");
                    assertThat(new String(written.getData(), java.nio.charset.StandardCharsets.UTF_8))
                            .contains(absence.toString(), "\"milestones\":[6]");
                    HousingHistory read = snapshots.deserialize(written);
                    assertThat(read).usingRecursiveComparison().isEqualTo(history);
                });
    }

    private static CorrectTenancy correct(UUID tenancyId, LocalDate moveIn, CorrectTenancy.End end) {
        return new CorrectTenancy(
                HISTORY,
                context(),
                new TenancyId(tenancyId),
                moveIn,
                ContractType.FIRST_HAND_LEASE,
                SecurityOfTenure.FULL,
                LeaseHolder.PARTICIPANT,
                HousingType.SCATTERED_SITE,
                LandlordType.PUBLIC_HOUSING,
                false,
                end);
    }

    private static CorrectTenancy.End movedOn(LocalDate endDate) {
        return new CorrectTenancy.End(
                endDate,
                EndReason.MOVED_TO_OTHER_PERMANENT_HOUSING,
                DestinationCategory.PERMANENT,
                EndInitiatedBy.TENANT);
    }

    private static TenancyCorrected corrected(UUID tenancyId, LocalDate moveIn, CorrectTenancy.End end) {
        return new TenancyCorrected(
                EVENT,
                PARTICIPANT,
                "malmo-bostad-forst",
                MALMO,
                moveIn,
                NOW,
                tenancyId,
                ContractType.FIRST_HAND_LEASE,
                SecurityOfTenure.FULL,
                LeaseHolder.PARTICIPANT,
                HousingType.SCATTERED_SITE,
                LandlordType.PUBLIC_HOUSING,
                false,
                end == null ? null : end.endDate(),
                end == null ? null : end.endReason(),
                end == null ? null : end.destinationCategory(),
                end == null ? null : end.initiatedBy());
    }

    @Test
    void anEndedTenancyIsCorrectedWithItsWholeEnd() {
        LocalDate moveIn = TODAY.minusMonths(5);
        LocalDate endDate = TODAY.minusMonths(2);
        fixture.given(started(TENANCY, moveIn), ended(TENANCY, endDate))
                .when(correct(TENANCY, moveIn, movedOn(endDate.minusDays(3))))
                .expectEvents(corrected(TENANCY, moveIn, movedOn(endDate.minusDays(3))));
        fixture.given(started(TENANCY, moveIn), ended(TENANCY, endDate))
                .when(correct(TENANCY, moveIn, null))
                .expectException(RuleViolation.class)
                .expectExceptionMessage("required: the tenancy has ended");
        fixture.given(started(TENANCY, moveIn))
                .when(correct(TENANCY, moveIn, movedOn(TODAY)))
                .expectException(RuleViolation.class)
                .expectExceptionMessage("the tenancy has not ended; end it instead");
    }

    @Test
    void aCorrectedMoveInIsSustainedAtOnceForTheMilestonesItPassed() {
        LocalDate moveIn = TODAY.minusMonths(5);
        LocalDate earlier = TODAY.minusMonths(7);
        fixture.given(started(TENANCY, moveIn))
                .when(correct(TENANCY, earlier, null))
                .expectEvents(corrected(TENANCY, earlier, null), sustained(TENANCY, earlier, 6));
    }

    @Test
    void aCorrectionKeepsTheHistorysOrder() {
        LocalDate moveIn = TODAY.minusMonths(10);
        UUID absence = UUID.randomUUID();
        fixture.given(started(TENANCY, moveIn), absenceStarted(moveIn.plusMonths(2), absence))
                .when(correct(TENANCY, moveIn.plusMonths(2).plusDays(1), null))
                .expectException(RuleViolation.class)
                .expectExceptionMessage(
                        "must not be after the tenancy's earliest recorded risk, absence or conversion ("
                                + moveIn.plusMonths(2) + ")");
        fixture.given(started(TENANCY, moveIn))
                .when(correct(TENANCY, moveIn.plusMonths(1), null))
                .expectEvents(
                        corrected(TENANCY, moveIn.plusMonths(1), null), sustained(TENANCY, moveIn.plusMonths(1), 6));

        LocalDate firstEnd = TODAY.minusMonths(6);
        UUID next = UUID.randomUUID();
        fixture.given(started(TENANCY, moveIn), ended(TENANCY, firstEnd), started(next, firstEnd.plusDays(10)))
                .when(correct(TENANCY, moveIn, movedOn(firstEnd.plusDays(11))))
                .expectException(RuleViolation.class)
                .expectExceptionMessage(
                        "must not be after the next tenancy's move-in date (" + firstEnd.plusDays(10) + ")");
        fixture.given(started(TENANCY, moveIn), ended(TENANCY, firstEnd), started(next, firstEnd.plusDays(10)))
                .when(correct(next, firstEnd.minusDays(1), null))
                .expectException(RuleViolation.class)
                .expectExceptionMessage("must not be before the end of the previous tenancy (" + firstEnd + ")");
        fixture.given(started(TENANCY, moveIn), ended(TENANCY, firstEnd), started(next, firstEnd.plusDays(10)))
                .when(correct(TENANCY, moveIn, movedOn(firstEnd.plusDays(10))))
                .expectEvents(corrected(TENANCY, moveIn, movedOn(firstEnd.plusDays(10))));
    }

    @Test
    void aCorrectionThatChangesNothingOrFollowsAConversionIsRefused() {
        LocalDate moveIn = TODAY.minusMonths(3);
        fixture.given(started(TENANCY, moveIn))
                .when(correct(TENANCY, moveIn, null))
                .expectException(RuleViolation.class)
                .expectExceptionMessage("the correction states the tenancy as it is recorded");
        fixture.given(
                        started(TENANCY, moveIn),
                        new TenancyContractConverted(
                                EVENT,
                                PARTICIPANT,
                                "malmo-bostad-forst",
                                MALMO,
                                moveIn.plusMonths(1),
                                NOW,
                                TENANCY,
                                ContractType.FIRST_HAND_LEASE,
                                ContractType.PRIVATE_RENTAL,
                                SecurityOfTenure.FULL,
                                LeaseHolder.PARTICIPANT))
                .when(correct(TENANCY, moveIn.minusDays(1), null))
                .expectException(RuleViolation.class)
                .expectExceptionMessage("its contract was converted; a correction would restate the contract history");
    }

    @Test
    void aCorrectedEndIsWhereTheNextTenancyMayStart() {
        LocalDate moveIn = TODAY.minusMonths(8);
        LocalDate endDate = TODAY.minusMonths(2);
        UUID next = UUID.randomUUID();
        fixture.given(
                        started(TENANCY, moveIn),
                        ended(TENANCY, endDate),
                        corrected(TENANCY, moveIn, movedOn(endDate.plusDays(20))))
                .when(start(next, endDate.plusDays(5)))
                .expectException(RuleViolation.class)
                .expectExceptionMessage(
                        "must not be before the end of the previous tenancy (" + endDate.plusDays(20) + ")");
    }

    @Test
    void rejectsASecondActiveTenancy() {
        LocalDate moveIn = TODAY.minusMonths(2);
        fixture.given(started(TENANCY, moveIn))
                .when(start(UUID.randomUUID(), TODAY))
                .expectException(RuleViolation.class)
                .expectExceptionMessage(
                        "the participant already has an active tenancy; end it before starting another");
    }

    @Test
    void allowsRehousingAfterTheEndButNotBeforeIt() {
        LocalDate moveIn = TODAY.minusMonths(4);
        UUID next = UUID.randomUUID();
        fixture.given(started(TENANCY, moveIn), ended(TENANCY, TODAY.minusMonths(1)))
                .when(start(next, TODAY.minusMonths(1)))
                .expectEvents(started(next, TODAY.minusMonths(1)));
        fixture.given(started(TENANCY, moveIn), ended(TENANCY, TODAY.minusMonths(1)))
                .when(start(next, TODAY.minusMonths(1).minusDays(1)))
                .expectException(RuleViolation.class);
    }

    @Test
    void rejectsEndingBeforeStart() {
        LocalDate moveIn = TODAY.minusMonths(2);
        fixture.given(started(TENANCY, moveIn))
                .when(end(TENANCY, moveIn.minusDays(1)))
                .expectException(RuleViolation.class)
                .expectExceptionMessage("must not be before the tenancy's latest recorded date (" + moveIn + ")");
    }

    @Test
    void rejectsAnythingAfterTheEnd() {
        LocalDate moveIn = TODAY.minusMonths(2);
        fixture.given(started(TENANCY, moveIn), ended(TENANCY, TODAY.minusDays(3)))
                .when(end(TENANCY, TODAY))
                .expectException(RuleViolation.class)
                .expectExceptionMessage("the tenancy has ended; nothing can follow its end");
    }

    @Test
    void rejectsBusinessDatesInTheFuture() {
        fixture.givenNoPriorActivity()
                .when(start(TENANCY, TODAY.plusDays(1)))
                .expectException(RuleViolation.class)
                .expectExceptionMessage("must not be in the future");
    }

    @Test
    void rejectsBusinessDatesBeforeTheEarliestPlausibleDay() {
        fixture.givenNoPriorActivity()
                .when(start(TENANCY, LocalDate.of(1, 1, 1)))
                .expectException(RuleViolation.class)
                .expectExceptionMessage("must not be before 1900-01-01");
        fixture.givenNoPriorActivity()
                .when(start(TENANCY, LocalDate.of(-1, 1, 1)))
                .expectException(RuleViolation.class)
                .expectExceptionMessage("must not be before 1900-01-01");
    }

    @Test
    void rejectsADeclineOfAnOfferThatWasTaken() {
        HousingOfferId offer = new HousingOfferId(UUID.randomUUID());
        fixture.givenNoPriorActivity()
                .when(new OfferHousing(
                        HISTORY,
                        context(),
                        offer,
                        TODAY.minusDays(9),
                        HousingType.SCATTERED_SITE,
                        LandlordType.PRIVATE))
                .expectSuccessfulHandlerExecution();
        StartTenancy takeOffer = new StartTenancy(
                HISTORY,
                context(),
                new TenancyId(TENANCY),
                offer,
                TODAY.minusDays(2),
                ContractType.PRIVATE_RENTAL,
                SecurityOfTenure.FULL,
                LeaseHolder.PARTICIPANT,
                HousingType.SCATTERED_SITE,
                LandlordType.PRIVATE,
                false,
                null);
        fixture.givenCommands(
                        new OfferHousing(
                                HISTORY,
                                context(),
                                offer,
                                TODAY.minusDays(9),
                                HousingType.SCATTERED_SITE,
                                LandlordType.PRIVATE),
                        takeOffer)
                .when(new DeclineHousingOffer(HISTORY, context(), offer, TODAY, OfferDeclineReason.LOCATION))
                .expectException(RuleViolation.class)
                .expectExceptionMessage("the offer was already declined or taken");
    }
}

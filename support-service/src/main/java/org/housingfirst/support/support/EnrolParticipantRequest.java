package org.housingfirst.support.support;

import jakarta.validation.Valid;
import jakarta.validation.constraints.Max;
import jakarta.validation.constraints.Min;
import jakarta.validation.constraints.NotNull;
import java.time.LocalDate;
import org.housingfirst.contracts.support.HomelessnessDuration;
import org.housingfirst.contracts.support.HomelessnessSituation;
import org.housingfirst.contracts.support.ReferralSource;
import org.housingfirst.contracts.support.Sex;
import org.housingfirst.edge.fields.ProgrammeId;
import org.housingfirst.edge.participant.ParticipantRef;

/** Body of POST /api/v1/enrolments. {@code sex} is optional. */
record EnrolParticipantRequest(
        @NotNull @Valid ParticipantRef participant,

        @ProgrammeId String programmeId,

        @NotNull LocalDate enrolledOn,
        @NotNull ReferralSource referralSource,
        @NotNull HomelessnessSituation homelessnessSituation,
        @NotNull HomelessnessDuration homelessnessDuration,
        @NotNull @Min(1900) @Max(2100) Integer birthYear,
        Sex sex) {}

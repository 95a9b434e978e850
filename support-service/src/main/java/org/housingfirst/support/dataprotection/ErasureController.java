package org.housingfirst.support.dataprotection;

import io.swagger.v3.oas.annotations.Operation;
import io.swagger.v3.oas.annotations.security.SecurityRequirement;
import io.swagger.v3.oas.annotations.tags.Tag;
import jakarta.validation.Valid;
import org.housingfirst.contracts.support.ErasureCause;
import org.housingfirst.edge.access.AccessLogged;
import org.housingfirst.edge.participant.DataProtectionApi;
import org.housingfirst.edge.security.ReportingUnit;
import org.springframework.web.bind.annotation.PostMapping;
import org.springframework.web.bind.annotation.RequestBody;
import org.springframework.web.bind.annotation.RequestMapping;
import org.springframework.web.bind.annotation.RestController;

/** The data protection officer's erasure of a participant. */
@RestController
@RequestMapping(path = "/api/v1", produces = "application/json")
@Tag(name = DataProtectionApi.TAG, description = DataProtectionApi.TAG_DESCRIPTION)
@SecurityRequirement(name = "bearer")
class ErasureController {

    private final Erasures erasures;

    ErasureController(Erasures erasures) {
        this.erasures = erasures;
    }

    @PostMapping(path = "/erasures", consumes = "application/json")
    @AccessLogged
    @Operation(
            summary = "Erase a participant, named by identity number or local reference, everywhere on the platform",
            description = "Deletes the identity vault's links to the person, then each service's participant-level"
                    + " data (views, stored answers, stored responses), and records ParticipantErased. The person's"
                    + " events stay, anonymous, so that published figures and every rebuild stay as they were. The"
                    + " report names neither the person nor their former id. 404 when no participant is known by"
                    + " this identity (also after an erasure).")
    ErasureReport erase(@Valid @RequestBody ErasureRequest request, ReportingUnit unit) {
        return erasures.erase(request.participant(), unit, ErasureCause.REQUEST);
    }
}

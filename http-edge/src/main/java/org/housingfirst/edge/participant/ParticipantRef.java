package org.housingfirst.edge.participant;

import io.swagger.v3.oas.annotations.media.Schema;
import jakarta.validation.constraints.NotBlank;
import jakarta.validation.constraints.NotNull;
import jakarta.validation.constraints.Size;
import org.housingfirst.identity.IdentityScheme;

/** A participant as a request names them: an identity number or the caller's own reference. */
@Schema(description = "The participant: a Swedish or Norwegian identity number, or the caller's own case reference")
public record ParticipantRef(
        @NotNull IdentityScheme scheme,

        @NotBlank @Size(max = 64) @Schema(example = "case-2026-0042")
        String value) {

    @Override
    public String toString() {
        return "ParticipantRef[scheme=" + scheme + ", value=hidden]";
    }
}

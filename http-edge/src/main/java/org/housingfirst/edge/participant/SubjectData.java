package org.housingfirst.edge.participant;

import java.util.List;
import java.util.Map;
import org.housingfirst.contracts.Municipality;
import org.housingfirst.domain.ParticipantId;

/**
 * What a service holds about a participant outside its event store and access log, for a subject access export
 * (GDPR Article 15): each service that holds some declares a bean of this type.
 */
public interface SubjectData {

    /** The rows about the participant in one municipality, by table, as they are stored. */
    Map<String, List<Map<String, Object>>> export(ParticipantId participant, Municipality municipality);
}

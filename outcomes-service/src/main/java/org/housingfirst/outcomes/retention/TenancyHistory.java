package org.housingfirst.outcomes.retention;

import java.time.LocalDate;
import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import org.housingfirst.contracts.DestinationCategory;
import org.housingfirst.contracts.tenancy.EndReason;

/**
 * Collects one participant's tenancy starts and endings, in any order, into spells. An ending whose start is not
 * known (yet) is held back: a spell begins with its move-in.
 */
public final class TenancyHistory {

    private final Map<String, LocalDate> moveIns = new LinkedHashMap<>();
    private final Map<String, TenancySpell> endings = new LinkedHashMap<>();

    public void started(String tenancyId, LocalDate moveIn) {
        moveIns.put(tenancyId, moveIn);
    }

    public void ended(String tenancyId, LocalDate end, EndReason reason, DestinationCategory destination) {
        endings.put(tenancyId, TenancySpell.ended(end, end, reason, destination));
    }

    public List<TenancySpell> spells() {
        List<TenancySpell> spells = new ArrayList<>(moveIns.size());
        moveIns.forEach((tenancy, moveIn) -> {
            TenancySpell end = endings.get(tenancy);
            spells.add(
                    end == null
                            ? TenancySpell.active(moveIn)
                            : TenancySpell.ended(moveIn, end.end(), end.endReason(), end.destination()));
        });
        return spells;
    }
}

package org.housingfirst.support.support;

import java.time.LocalDate;
import org.housingfirst.contracts.support.ExitReason;

/** One enrolment in a programme; {@code exitedOn} is null while it lasts. */
public record EnrolmentView(String programmeId, LocalDate enrolledOn, LocalDate exitedOn, ExitReason exitReason) {}

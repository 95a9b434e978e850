package org.housingfirst.edge.problems;

/** One field at fault: its JSON path in the request ({@code participant.value}) and what is wrong with it. */
public record FieldError(String field, String message) {}

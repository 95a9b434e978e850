package org.housingfirst.tenancy.problems;

/** One field at fault: its JSON path in the request ({@code participant.value}) and what is wrong with it. */
public record FieldError(String field, String message) {}

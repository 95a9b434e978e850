package org.housingfirst.edge.access;

import java.lang.annotation.ElementType;
import java.lang.annotation.Retention;
import java.lang.annotation.RetentionPolicy;
import java.lang.annotation.Target;

/**
 * Marks an operation that reads participant-level data and records each read in the {@link AccessLog}. The API
 * description then lists the {@value AccessLog#PURPOSE_HEADER} header and {@code x-access-log: true}, by which the
 * authorization matrix checks that every successful call left one entry.
 */
@Target(ElementType.METHOD)
@Retention(RetentionPolicy.RUNTIME)
public @interface AccessLogged {}

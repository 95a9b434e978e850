package org.housingfirst.edge.problems;

import org.springframework.boot.autoconfigure.AutoConfiguration;
import org.springframework.context.annotation.Import;

/** Registers the one place where errors become problem details. */
@AutoConfiguration
@Import(ProblemDetailsAdvice.class)
public class ProblemsAutoConfiguration {}

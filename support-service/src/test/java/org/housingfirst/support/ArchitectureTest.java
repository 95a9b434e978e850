package org.housingfirst.support;

import org.housingfirst.testbackends.PlatformArchitectureTest;

/** The platform's architecture rules, checked against this service and the modules it uses. */
class ArchitectureTest extends PlatformArchitectureTest {}

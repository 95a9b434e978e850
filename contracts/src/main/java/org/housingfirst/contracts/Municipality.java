package org.housingfirst.contracts;

/**
 * The municipality that reports an event.
 *
 * @param country ISO 3166-1 alpha-2 code: {@code SE} or {@code NO}
 * @param code the four-digit municipality code (Swedish kommunkod, Norwegian kommunenummer)
 * @param codeListVersion the version of the code list the code belongs to, e.g. {@code SCB-2025} or
 *     {@code SSB-KLASS-131-2024}
 */
public record Municipality(String country, String code, String codeListVersion) {}

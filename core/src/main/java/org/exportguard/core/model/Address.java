package org.exportguard.core.model;

/**
 * A postal address as far as the list gives it; any part may be null. {@code country} is the country as written
 * in the list (a name such as "United Kingdom" or a code such as "GB"); {@code countryCode} is its ISO 3166-1
 * alpha-2 code when the reader could tell, else null.
 */
public record Address(String street, String city, String region, String postalCode, String country,
                      String countryCode) {
}

package org.exportguard.core.model;

/** An identifying document or number: passport, tax id, IMO number, registration number ... */
public record Identifier(String type, String value, String country) {
}

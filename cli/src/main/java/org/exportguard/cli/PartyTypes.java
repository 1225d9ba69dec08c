package org.exportguard.cli;

import org.exportguard.core.model.PartyType;
import picocli.CommandLine;

/** Reads a party type given on the command line or in an input file; anything unrecognised is refused. */
public final class PartyTypes implements CommandLine.ITypeConverter<PartyType> {
    public static final String EXPECTED = "person, organization, vessel or aircraft";

    /** The type, {@link PartyType#UNKNOWN} for blank, or null when the text is not a type. */
    public static PartyType parseOrNull(String text) {
        if (text == null || text.isBlank()) {
            return PartyType.UNKNOWN;
        }
        PartyType t = PartyType.parse(text);
        return t == PartyType.UNKNOWN ? null : t;
    }

    @Override
    public PartyType convert(String value) {
        PartyType t = parseOrNull(value);
        if (t == null || t == PartyType.UNKNOWN) {
            throw new CommandLine.TypeConversionException("'" + value + "' is not a party type (expected "
                    + EXPECTED + ")");
        }
        return t;
    }
}

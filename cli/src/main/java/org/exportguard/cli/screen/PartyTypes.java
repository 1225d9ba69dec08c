package org.exportguard.cli.screen;

import org.exportguard.core.model.PartyType;
import picocli.CommandLine;

/** Reads a party type given on the command line or in an input file; anything unrecognised is refused. */
public final class PartyTypes implements CommandLine.ITypeConverter<PartyType> {
    public static final String EXPECTED = "person, organization, vessel, aircraft or unknown";

    /**
     * The type, {@link PartyType#UNKNOWN} for blank or "unknown", or null when the text is not a type. Synonyms
     * from the lists and from FollowTheMoney ("individual", "company", "LegalEntity", "Airplane") are accepted.
     */
    public static PartyType parseOrNull(String text) {
        return PartyType.isKnownWord(text) ? PartyType.parse(text) : null;
    }

    @Override
    public PartyType convert(String value) {
        PartyType t = parseOrNull(value);
        if (t == null) {
            throw new CommandLine.TypeConversionException("'" + value + "' is not a party type (expected "
                    + EXPECTED + ")");
        }
        return t;
    }
}

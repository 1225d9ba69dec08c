package org.exportguard.lists.ofac;

import org.exportguard.core.model.Alias;
import org.exportguard.core.model.Identifier;
import org.exportguard.core.model.ListedParty;

import java.util.List;
import java.util.Locale;
import java.util.regex.Matcher;
import java.util.regex.Pattern;

/**
 * Pulls what it can out of an OFAC remarks cell, best effort: weak a.k.a.s ({@code a.k.a. 'X'} and
 * {@code f.k.a. 'X'}), dates and places of birth, nationality, citizenship and identity documents. The remarks text
 * itself is always kept verbatim on the party; this only adds structured copies.
 *
 * <p>Remarks are a list of items separated by ";" such as
 * {@code DOB 23 Jun 1958; POB Baghdad, Iraq; nationality Iraq; Passport A123 (Iraq); a.k.a. 'ABU X'.}
 */
final class OfacRemarks {
    /** Document kinds written as "KIND VALUE (COUNTRY)"; longest first so the most specific wins. */
    private static final List<String> DOCUMENT_KINDS = List.of(
            "Vessel Registration Identification", "Business Registration Document #", "Business Registration Number",
            "Commercial Registry Number", "Registration Number", "Registration ID", "Company Number",
            "National Foreign ID Number", "National ID No.", "Identification Number", "Personal ID Card",
            "Cedula No.", "Tax ID No.", "Driver's License No.", "Diplomatic Passport", "Passport", "SSN", "RFC",
            "NIT #", "C.U.I.T.", "C.U.I.P.", "D.N.I.", "CURP #", "RUC #", "Matricula Mercantil No",
            "Electoral Registry No.", "Birth Certificate Number", "Residency Number", "Trade License No.",
            "Public Security and Immigration No.", "Stateless Person ID Card", "Refugee ID Card",
            "SWIFT/BIC", "Website", "Email Address", "Phone Number");
    private static final Pattern TRAILING_COUNTRY = Pattern.compile("^(.*?)\\s*\\(([^()]*)\\)$");

    private OfacRemarks() {
    }

    static void extract(String remarks, ListedParty.Builder party) {
        if (remarks == null || remarks.isBlank()) {
            return;
        }
        for (String raw : remarks.split(";")) {
            String item = raw.trim();
            if (item.endsWith(".") && !item.endsWith("..")) {
                item = item.substring(0, item.length() - 1).trim();
            }
            if (item.isEmpty()) {
                continue;
            }
            if (item.startsWith("a.k.a. ") || item.startsWith("f.k.a. ") || item.startsWith("n.k.a. ")) {
                String name = unquote(item.substring(7).trim());
                if (!name.isEmpty()) {
                    party.alias(Alias.weak(name).withKind(Alias.kindOf(item.substring(0, 6))));
                }
                continue;
            }
            if (item.startsWith("alt. ")) {
                item = item.substring(5).trim();
            }
            if (item.startsWith("DOB ")) {
                party.dateOfBirth(item.substring(4).trim());
            } else if (item.startsWith("POB ")) {
                party.placeOfBirth(item.substring(4).trim());
            } else if (item.toLowerCase(Locale.ROOT).startsWith("nationality ")) {
                party.nationality(item.substring("nationality ".length()).trim());
            } else if (item.toLowerCase(Locale.ROOT).startsWith("citizen ")) {
                party.nationality(item.substring("citizen ".length()).trim());
            } else {
                document(item, party);
            }
        }
    }

    private static void document(String item, ListedParty.Builder party) {
        for (String kind : DOCUMENT_KINDS) {
            if (item.startsWith(kind + " ") && item.length() > kind.length() + 1) {
                String rest = item.substring(kind.length() + 1).trim();
                String country = null;
                Matcher m = TRAILING_COUNTRY.matcher(rest);
                if (m.matches() && !m.group(1).isBlank()) {
                    rest = m.group(1).trim();
                    country = m.group(2).trim();
                }
                party.identifier(new Identifier(kind, rest, country));
                return;
            }
        }
    }

    /**
     * Drops one pair of surrounding quotes (single or double) when present; inner quotes are part of the name
     * ({@code 'ABU-'UMAR'} → {@code ABU-'UMAR}, {@code 'SUE RC 'KMP''} → {@code SUE RC 'KMP'}). A stray doubled
     * closing quote ({@code 'EL PATRON''}) leaves an unbalanced quote at the end, which is dropped too.
     */
    static String unquote(String s) {
        if (s.length() >= 2) {
            char a = s.charAt(0);
            char b = s.charAt(s.length() - 1);
            if ((a == '\'' && b == '\'') || (a == '"' && b == '"')) {
                String inner = s.substring(1, s.length() - 1).trim();
                long quotes = inner.chars().filter(c -> c == a).count();
                if (quotes % 2 == 1 && inner.length() > 1 && inner.charAt(inner.length() - 1) == a) {
                    inner = inner.substring(0, inner.length() - 1).trim();
                }
                return inner;
            }
        }
        return s;
    }
}

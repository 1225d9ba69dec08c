package org.exportguard.core.match;

/**
 * A spelling-neutral form of a Latin word: the same name romanised by different conventions (English, German,
 * Polish, BGN/PCGN) tends to meet here. "Seixido"/"Seyksido" → "seiksido", "Jafri"/"Zhafri" → "jafri",
 * "Cleitarchus"/"Klitarkh" → "kleitarhus"/"klitarh". Jaro-Winkler on these forms backs up the plain comparison.
 */
final class PhoneticForm {
    private PhoneticForm() {
    }

    static String of(String w) {
        StringBuilder sb = new StringBuilder(w.length() + 2);
        int n = w.length();
        for (int i = 0; i < n; i++) {
            char c = w.charAt(i);
            char next = i + 1 < n ? w.charAt(i + 1) : 0;
            switch (c) {
                case 'p':
                    if (next == 'h') { sb.append('f'); i++; } else { sb.append('p'); }
                    break;
                case 't':
                    if (next == 'h') { sb.append('t'); i++; }
                    else if (next == 's' && i + 2 < n && w.charAt(i + 2) == 'c' && i + 3 < n && w.charAt(i + 3) == 'h') {
                        sb.append("ch"); i += 3;
                    } else { sb.append('t'); }
                    break;
                case 'k':
                    if (next == 'h') { sb.append('h'); i++; } else { sb.append('k'); }
                    break;
                case 'g':
                    if (next == 'h') { sb.append('g'); i++; } else { sb.append('g'); }
                    break;
                case 'c':
                    if (next == 'k') { sb.append('k'); i++; }
                    else if (next == 'h') { sb.append("ch"); i++; }
                    else { sb.append('k'); }
                    break;
                case 'q':
                    sb.append('k');
                    if (next == 'u') { sb.append('v'); i++; }
                    break;
                case 'z':
                    if (next == 'h') { sb.append('j'); i++; } else { sb.append('z'); }
                    break;
                case 'd':
                    if (next == 'j') { sb.append('j'); i++; }
                    else if (next == 'z' && i + 2 < n && w.charAt(i + 2) == 'h') { sb.append('j'); i += 2; }
                    else { sb.append('d'); }
                    break;
                case 's':
                    if (next == 'c' && i + 2 < n && w.charAt(i + 2) == 'h') { sb.append("sh"); i += 2; }
                    else if (next == 'z') { sb.append("sh"); i++; }
                    else { sb.append('s'); }
                    break;
                case 'x':
                    sb.append("ks");
                    break;
                case 'w':
                    sb.append('v');
                    break;
                case 'y':
                    sb.append('i');
                    break;
                case 'o':
                    if (next == 'u' || next == 'o') { sb.append('u'); i++; } else { sb.append('o'); }
                    break;
                case 'e':
                    if (next == 'e') { sb.append('i'); i++; } else { sb.append('e'); }
                    break;
                default:
                    sb.append(c);
            }
        }
        // Collapse doubled letters: "Mohammed"/"Mohamed", "Hassan"/"Hasan".
        for (int i = sb.length() - 1; i > 0; i--) {
            if (sb.charAt(i) == sb.charAt(i - 1)) {
                sb.deleteCharAt(i);
            }
        }
        return sb.toString();
    }
}

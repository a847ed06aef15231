package dev.winnow.report.render;

/** Escaping for text placed in XML and HTML: imported text is untrusted and may hold anything. */
public final class Xml {
    private Xml() {
    }

    /** Escapes markup characters and drops characters XML 1.0 cannot carry (control characters). */
    public static String escape(String s) {
        if (s == null) {
            return "";
        }
        StringBuilder b = new StringBuilder(s.length() + 16);
        for (int i = 0; i < s.length(); i++) {
            char c = s.charAt(i);
            switch (c) {
                case '&' -> b.append("&amp;");
                case '<' -> b.append("&lt;");
                case '>' -> b.append("&gt;");
                case '"' -> b.append("&quot;");
                case '\'' -> b.append("&#39;");
                default -> {
                    if (c == '\t' || c == '\n' || c == '\r') {
                        b.append(' ');
                    } else if (c < 0x20 || c == 0xFFFE || c == 0xFFFF) {
                        // not allowed in XML 1.0: dropped
                    } else if (Character.isSurrogate(c)) {
                        if (Character.isHighSurrogate(c) && i + 1 < s.length()
                                && Character.isLowSurrogate(s.charAt(i + 1))) {
                            b.append(c).append(s.charAt(++i));
                        }
                    } else {
                        b.append(c);
                    }
                }
            }
        }
        return b.toString();
    }
}

package dev.winnow.chart;

import java.util.Locale;
import java.util.Map;
import java.util.TreeMap;

/** Country answers: ISO 3166 codes or English names, stored as the English name. */
public final class Countries {
    private static final Map<String, String> BY_KEY = new TreeMap<>(String.CASE_INSENSITIVE_ORDER);

    static {
        for (String code : Locale.getISOCountries()) {
            String name = Locale.of("", code).getDisplayCountry(Locale.ENGLISH);
            BY_KEY.put(code, name);
            BY_KEY.put(name, name);
        }
        BY_KEY.put("UK", "United Kingdom");
        BY_KEY.put("USA", "United States");
        BY_KEY.put("United States of America", "United States");
        BY_KEY.put("The Netherlands", "Netherlands");
    }

    private Countries() {
    }

    /** The English name for a code or name, or null when it is no country. */
    public static String normalise(String text) {
        return text == null ? null : BY_KEY.get(text.strip());
    }
}

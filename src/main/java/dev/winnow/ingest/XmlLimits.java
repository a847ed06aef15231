package dev.winnow.ingest;

import java.util.List;

/**
 * The JDK's XML entity limits, lifted for the whole process. The JDK 25 parser counts the text of
 * predefined entities ({@code &amp;}, {@code &lt;}) against {@code jdk.xml.maxGeneralEntitySizeLimit}
 * (100,000) as if they were one entity "[xml]", so a PubMed export holding more than about 100,000
 * of them (tens of thousands of records), or an Excel workbook whose shared strings hold as many
 * (links full of "&"), was refused as "not well-formed". The limits are system properties so that
 * they reach every parser, POI's own included (its shared-strings reader takes no settings). They
 * guard against entity expansion, which cannot happen here: every XML parser Winnow uses has DTDs
 * off ({@link XmlRecords}; POI's {@code XMLHelper}), so no entity can be declared. A limit the
 * user set on the command line ({@code -Djdk.xml.…}) is kept.
 */
public final class XmlLimits {
    static final List<String> LIMITS = List.of("jdk.xml.maxGeneralEntitySizeLimit", "jdk.xml.totalEntitySizeLimit",
            "jdk.xml.entityExpansionLimit");

    private XmlLimits() {
    }

    /** Lifts the limits (once is enough; again is harmless) before a parser is made. */
    public static void lift() {
        for (String limit : LIMITS) {
            if (System.getProperty(limit) == null) {
                System.setProperty(limit, "0");
            }
        }
    }
}

package dev.winnow.report.flow;

import dev.winnow.importing.SourceKind;
/**
 * One source's records as the project holds them.
 *
 * @param name            as the reviewer named it ("MEDLINE")
 * @param platform        where it was searched ("Ovid"), or empty
 * @param kind            database, register or other method
 * @param method          for other-method sources, which kind; null otherwise
 * @param methodLabel     the reviewer's own words for an other method (shown when {@code method} is OTHER)
 * @param records         source records stored for it
 * @param declaredByFiles the record counts its import files announced (summed), or null when it has no import file
 */
public record SourceTally(String name, String platform, SourceKind kind, OtherMethod method, String methodLabel,
                          long records, Long declaredByFiles) {

    public static SourceTally database(String name, long records) {
        return new SourceTally(name, "", SourceKind.DATABASE, null, null, records, records);
    }

    public static SourceTally register(String name, long records) {
        return new SourceTally(name, "", SourceKind.REGISTER, null, null, records, records);
    }

    public static SourceTally other(String name, OtherMethod method, long records) {
        return new SourceTally(name, "", SourceKind.OTHER, method, method.label(), records, null);
    }

    /** "MEDLINE (Ovid)", or the name alone. */
    public String displayName() {
        return platform == null || platform.isBlank() ? name : name + " (" + platform + ")";
    }

    boolean previousReview() {
        return kind == SourceKind.OTHER && method == OtherMethod.PREVIOUS_REVIEW;
    }
}

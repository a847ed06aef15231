package dev.winnow.importing;

import dev.winnow.UserError;
import java.time.LocalDate;
import java.time.ZoneOffset;
import java.time.format.DateTimeParseException;

/**
 * The source an import names on the command line or in the web form: created on first use,
 * matched by name and platform afterwards. {@code kind} and {@code otherMethod} may be null,
 * meaning "whatever the existing source says" (or database / other for a new one).
 */
public record SourceSpec(String name, String platform, SourceKind kind, OtherMethod otherMethod,
                         String searchedOn, String searchString) {

    public SourceSpec {
        if (name == null || name.isBlank()) {
            throw new UserError("a source needs a name (--source NAME, e.g. \"MEDLINE\")");
        }
        name = name.strip();
        if (name.length() > 200) {
            throw new UserError("a source name is at most 200 characters");
        }
        platform = platform == null ? "" : platform.strip();
        if (otherMethod != null && kind != null && kind != SourceKind.OTHER) {
            throw new UserError("--other-method is for sources of kind 'other', not '" + kind.label() + "'");
        }
        if (otherMethod != null && kind == null) {
            kind = SourceKind.OTHER;
        }
        if (searchedOn != null) {
            searchedOn = searchedOn.strip();
            LocalDate day;
            try {
                day = LocalDate.parse(searchedOn);
            } catch (DateTimeParseException e) {
                throw new UserError("the search date '" + searchedOn
                        + "' (--searched) is not a date: expected YYYY-MM-DD, e.g. 2023-04-20");
            }
            // today anywhere on Earth (UTC+14 is the first to reach a date) is the latest a search can have run
            if (day.isAfter(LocalDate.now(ZoneOffset.ofHours(14)))) {
                throw new UserError("the search date '" + searchedOn
                        + "' (--searched) is in the future: give the day the search was run");
            }
        }
        if (searchString != null && searchString.isBlank()) {
            searchString = null;
        }
    }

    /** A database source with only a name (tests, quick imports). */
    public static SourceSpec database(String name) {
        return new SourceSpec(name, null, SourceKind.DATABASE, null, null, null);
    }

    /** The kind a new source gets. */
    SourceKind kindOrDefault(SourceKind fallback) {
        return kind == null ? fallback : kind;
    }
}

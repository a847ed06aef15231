package dev.winnow.record;

import java.util.Objects;

/**
 * One author as family name and given names. A corporate author ("WHO Collaborative Group") has
 * only a family part and {@code corporate} set, so it is never split into initials.
 */
public record Author(String family, String given, boolean corporate) {

    public Author {
        family = family == null ? "" : PlainText.withoutControlCharacters(family).strip();
        given = given == null ? null : PlainText.withoutControlCharacters(given).strip();
        given = given == null || given.isEmpty() ? null : given;
        if (family.isEmpty() && given != null) {
            family = given;
            given = null;
        }
    }

    public static Author of(String family, String given) {
        return new Author(family, given, false);
    }

    public static Author organisation(String name) {
        return new Author(name, null, true);
    }

    /** Parses a name as bibliographic exports write it; see {@link AuthorNames#parse(String)}. */
    public static Author parse(String text) {
        return AuthorNames.parse(text);
    }

    /** Initials of the given names, upper case without dots ("John Adam" → "JA"). */
    public String initials() {
        return AuthorNames.initials(given);
    }

    /** "Family, Given" (or just the family part), the form RIS and BibTeX write. */
    public String display() {
        return given == null ? family : family + ", " + given;
    }

    @Override
    public String toString() {
        return display();
    }

    @Override
    public boolean equals(Object o) {
        return o instanceof Author a && family.equals(a.family) && Objects.equals(given, a.given)
                && corporate == a.corporate;
    }

    @Override
    public int hashCode() {
        return Objects.hash(family, given, corporate);
    }
}

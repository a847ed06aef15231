package dev.winnow.record;

import static org.assertj.core.api.Assertions.assertThat;

import org.junit.jupiter.api.Test;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.CsvSource;

class AuthorNamesTest {
    @ParameterizedTest
    @CsvSource(delimiter = '|', nullValues = "-", value = {
            "Smith, John A.|Smith|John A.",
            "Smith, J. A.|Smith|J. A.",
            "Smith JA|Smith|J. A.",
            "Smith J|Smith|J.",
            "de la Cruz M|de la Cruz|M.",
            "van der Berg, Anna|van der Berg|Anna",
            "Anna van der Berg|van der Berg|Anna",
            "John A. Smith|Smith|John A.",
            "Smith, Jr., John|Smith Jr.|John",
            "Smith JA Jr|Smith Jr|J. A.",
            "O'Brien, Mary|O'Brien|Mary",
            "Plato|Plato|-",
            "Müller, Jürgen|Müller|Jürgen",
            "Lee J-P|Lee|J.-P.",
            "J Y Douillard|Douillard|J Y",
    })
    void parsesTheFormsExportsUse(String raw, String family, String given) {
        Author a = AuthorNames.parse(raw);
        assertThat(a.family()).isEqualTo(family);
        assertThat(a.given()).isEqualTo(given);
        assertThat(a.corporate()).isFalse();
    }

    @Test
    void etAlAndBlanksAreNoAuthor() {
        assertThat(AuthorNames.parse("et al.")).isNull();
        assertThat(AuthorNames.parse("et al")).isNull();
        assertThat(AuthorNames.parse(" ")).isNull();
        assertThat(AuthorNames.parse(null)).isNull();
    }

    @Test
    void organisationsAreCorporateAuthors() {
        assertThat(AuthorNames.parse("Stroke Unit Trialists' Collaboration").corporate()).isTrue();
        assertThat(AuthorNames.parse("{World Health Organization}"))
                .isEqualTo(Author.organisation("World Health Organization"));
        assertThat(AuthorNames.parse("WHO Working Group on Palliative Care").initials()).isEmpty();
    }

    @ParameterizedTest
    @CsvSource(delimiter = '|', value = {"John Adam|JA", "J. A.|JA", "JA|JA", "J.-P.|JP", "jean-pierre|JP", "Émile|E"})
    void initials(String given, String expected) {
        assertThat(AuthorNames.initials(given)).isEqualTo(expected);
    }

    @Test
    void keysAgreeAcrossForms() {
        String k = AuthorNames.key(AuthorNames.parse("Müller, Jürgen"));
        assertThat(AuthorNames.key(AuthorNames.parse("Muller J"))).isEqualTo(k);
        assertThat(AuthorNames.key(AuthorNames.parse("Jürgen Müller"))).isEqualTo(k);
        assertThat(AuthorNames.key(AuthorNames.parse("Van der Berg, A."))).isEqualTo(AuthorNames.key(AuthorNames.parse("van der Berg A")));
        assertThat(AuthorNames.familyKey("O'Brien")).isEqualTo("obrien");
    }

    @Test
    void studyGroupsAndCompaniesAreCorporate() {
        assertThat(AuthorNames.parse("ASCUS-LSIL Traige Study").corporate()).isTrue();
        assertThat(AuthorNames.parse("Alexion Pharmaceuticals, Inc").corporate()).isTrue();
    }

    @ParameterizedTest
    @CsvSource(delimiter = '|', value = {
            "Agrawal A, Gupta K.|Agrawal A/Gupta K.",
            "Agrawal A, Gupta K, et al.|Agrawal A/Gupta K",
            "de la Cruz MJ, Sa-Ambo J.-M., Ng L|de la Cruz MJ/Sa-Ambo J.-M./Ng L",
            "A. Agrawal, K.-H. Gupta|A. Agrawal/K.-H. Gupta",
            "Smith, J.; Lee, K.|Smith, J./Lee, K.",
            "Smith, John and Lee, Kim|Smith, John/Lee, Kim",
            "Smith J and Lee K|Smith J/Lee K",
            "Smith, J.|Smith, J.",
            "Smith, John A.|Smith, John A.",
            "John A. Smith|John A. Smith",
            "Department of Health and Social Care|Department of Health and Social Care",
            "Smith, Jr., John|Smith, Jr., John",
            "Anna van der Berg|Anna van der Berg"})
    void anAuthorFieldHoldingSeveralNamesIsSplitOnlyWhenEveryPartIsAName(String field, String names) {
        assertThat(AuthorNames.names(field)).containsExactly(names.split("/"));
    }
}

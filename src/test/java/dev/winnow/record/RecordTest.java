package dev.winnow.record;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import dev.winnow.store.RecordJson;
import org.junit.jupiter.api.Test;

class RecordTest {
    static Record full() {
        return Record.builder().type(RecordType.THESIS).title(" Early palliative care ")
                .originalTitle("Soins palliatifs précoces").author(Author.of("Smith", "J. A."))
                .author(Author.organisation("WHO Group")).editor(Author.of("Lee", "K.")).year(2021)
                .date("2021 Mar 4").journal("BMC Palliative Care").journalAbbreviation("BMC Palliat Care")
                .volume("20").issue("1").pages("590-5").articleNumber("12").doi("10.1186/x").pmid("123")
                .pmcid("PMC9").issn("1472-684X").issn("1472-684X").isbn("978-0").abstractText("Background: …")
                .keyword("palliative care").keyword("oncology").language("eng").url("https://example.org/a")
                .accessionNumber("WOS", "000123").database("MEDLINE").publisher("BMC").place("London")
                .institution("University of Sydney").note("note one").extra("M3", "Article").build();
    }

    @Test
    void trimsAndDeduplicatesValues() {
        Record r = full();
        assertThat(r.title()).isEqualTo("Early palliative care");
        assertThat(r.issns()).containsExactly("1472-684X");
        assertThat(r.firstAuthorFamily()).isEqualTo("Smith");
        assertThat(r.toString()).startsWith("Smith et al. (2021) Early palliative care");
    }

    @Test
    void controlCharactersNeverReachAField() {
        Record r = Record.builder().title("x \u0000\u0001garbage").abstractText("First.\n\nSecond\u000b line\tend.")
                .author(Author.of("Sm\u0007ith", "\u0000")).keyword("\u0001").keyword("care\u007f")
                .note("\u0000").extra("M1", "\u001a").extra("M3", "Art\u0000icle").accessionNumber("WOS", "\u0000")
                .url("https://example.org/\u0000a").build();
        assertThat(r.title()).isEqualTo("x garbage");
        assertThat(r.abstractText()).isEqualTo("First.\n\nSecond line\tend.");
        assertThat(r.authors()).containsExactly(Author.of("Smith", null));
        assertThat(r.keywords()).containsExactly("care");
        assertThat(r.notes()).isEmpty();
        assertThat(r.extra()).containsOnlyKeys("M3").containsEntry("M3", java.util.List.of("Article"));
        assertThat(r.accessionNumbers()).isEmpty();
        assertThat(r.urls()).containsExactly("https://example.org/a");
        String plain = "no controls here";
        assertThat(PlainText.withoutControlCharacters(plain)).isSameAs(plain);
    }

    @Test
    void toBuilderCopiesEveryField() {
        assertThat(full().toBuilder().build()).isEqualTo(full());
        assertThat(full().toBuilder().volume("21").build()).isNotEqualTo(full());
    }

    @Test
    void storedJsonKeepsEveryField() {
        Record r = full();
        assertThat(RecordJson.read(RecordJson.write(r))).isEqualTo(r);
        Record empty = Record.builder().build();
        assertThat(RecordJson.read(RecordJson.write(empty))).isEqualTo(empty);
        assertThat(empty.type()).isEqualTo(RecordType.GENERIC);
    }

    @Test
    void blankAuthorsAreDropped() {
        assertThat(Record.builder().author(null).author(Author.of(" ", null)).build().authors()).isEmpty();
    }

    @Test
    void recordTypesParseFromLabels() {
        assertThat(RecordType.fromLabel("journal article")).isEqualTo(RecordType.JOURNAL_ARTICLE);
        assertThat(RecordType.fromLabel("BOOK_SECTION")).isEqualTo(RecordType.BOOK_SECTION);
        assertThatThrownBy(() -> RecordType.fromLabel("poem")).hasMessageContaining("poem");
    }
}

package dev.winnow.screen;

import static org.assertj.core.api.Assertions.assertThat;

import dev.winnow.record.Author;
import dev.winnow.record.Record;
import dev.winnow.store.StudyStore;
import java.util.List;
import org.junit.jupiter.api.Test;

class KeyMatcherTest {
    private static StudyStore.Study study(long id, Record r) {
        return new StudyStore.Study(id, 1, r);
    }

    private static final Record ARTICLE = Record.builder().title("A Systematic Review of the Impact of Wildfires on Sleep")
            .year(2021).doi("10.3390/ijerph181910152").author(Author.of("Isaac", "Fadia")).build();
    private static final Record CHAPTER = Record.builder().title("A systematic review of the impact of wildfires on sleep.")
            .year(2022).author(Author.of("Isaac", "F")).build();
    private final KeyMatcher matcher = new KeyMatcher(List.of(study(1, ARTICLE), study(2, CHAPTER),
            study(3, Record.builder().title("Fire and rain").year(2020).pmid("31234567").build())));

    @Test
    void identifiersComeFirst() {
        assertThat(matcher.match(Record.builder().doi("https://doi.org/10.3390/IJERPH181910152").year(2022).build()))
                .contains(new StudyMatcher.Match(1, "doi"));
        assertThat(matcher.match(Record.builder().pmid("PMID: 31234567").build()))
                .contains(new StudyMatcher.Match(3, "pmid"));
    }

    @Test
    void theSameYearIsPreferredToAYearEitherSide() {
        Record reprint = Record.builder().title("A Systematic Review of the Impact of Wildfires on Sleep").year(2022)
                .author(Author.of("Isaac", "Fadia")).build();
        assertThat(matcher.match(reprint)).contains(new StudyMatcher.Match(2, "title+year+author"));
        Record onlineFirst = Record.builder().title("Fire and rain.").year(2019).build();
        assertThat(matcher.match(onlineFirst)).contains(new StudyMatcher.Match(3, "title+year"));
    }

    @Test
    void ambiguousKeysAreNeverGuessed() {
        Record noYear = Record.builder().title("A systematic review of the impact of wildfires on sleep").build();
        assertThat(matcher.match(noYear)).isEmpty();
        assertThat(matcher.whyNot(noYear)).isEqualTo("ambiguous: 2 study records share its title");
        assertThat(matcher.whyNot(Record.builder().title("Unrelated").build()))
                .isEqualTo("no study record with the same DOI, PMID or title");
    }

    @Test
    void misDecodedTitlesAndNamesMatchOnEitherSide() {
        Record stored = Record.builder().title("Womenâ€™s access to care in Nepal").year(2018)
                .author(Author.of("MÃ¼ller", "J")).build();
        KeyMatcher m = new KeyMatcher(List.of(study(7, stored), study(8, ARTICLE)));
        Record clean = Record.builder().title("Women’s access to care in Nepal").year(2018).author(Author.of("Müller", "J")).build();
        assertThat(m.match(clean)).contains(new StudyMatcher.Match(7, "title+year+author"));
        Record twice = Record.builder().title("Women√¢‚Ç¨‚Ñ¢s access to care in Nepal").year(2018)
                .author(Author.of("M√É¬ºller", "J")).build();
        assertThat(m.match(twice)).contains(new StudyMatcher.Match(7, "title+year+author"));
    }
}

package dev.winnow.dedup;

import static org.assertj.core.api.Assertions.assertThat;

import dev.winnow.dedup.Judgement.Verdict;
import dev.winnow.record.AuthorNames;
import dev.winnow.record.Record;
import dev.winnow.record.RecordType;
import java.util.List;
import org.junit.jupiter.api.Test;

/** The rules on realistic records: what must merge, what must never merge, and why. */
class DeduplicatorTest {

    private static Record.Builder article(String title, String authors, int year, String journal, String volume,
                                          String pages) {
        Record.Builder b = Record.builder().type(RecordType.JOURNAL_ARTICLE).title(title).year(year).journal(journal)
                .volume(volume).pages(pages);
        for (String a : authors.split(";")) {
            b.author(AuthorNames.parse(a));
        }
        return b;
    }

    private static final String TEMEL = "Early palliative care for patients with metastatic non-small-cell lung cancer";

    private static Record temel() {
        return article(TEMEL, "Temel, Jennifer S.;Greer, Joseph A.;Muzikansky, Alona", 2010,
                "New England Journal of Medicine", "363", "733-742").doi("10.1056/NEJMoa1000678").build();
    }

    private static DedupResult run(Record... records) {
        return Deduplicator.run(List.of(records));
    }

    @Test
    void mergesOneArticleExportedThreeWays() {
        Record medline = article("Early palliative care for patients with metastatic non-small-cell lung cancer.",
                "Temel JS;Greer JA;Muzikansky A", 2010, "N Engl J Med", "363", "733-42").build();
        Record embase = article("EARLY PALLIATIVE CARE FOR PATIENTS WITH METASTATIC NON-SMALL-CELL LUNG CANCER",
                "Temel, J.S.;Greer, J.A.;Muzikansky, A.", 2010, "New England Journal of Medicine", "363", "733-742")
                .doi("https://doi.org/10.1056/nejmoa1000678").build();
        DedupResult r = run(temel(), medline, embase);
        assertThat(r.clusterCount()).isEqualTo(1);
        assertThat(r.linkOf()[1].judgement().rule()).isNotBlank();
        assertThat(r.linkOf()[1].judgement().evidence()).containsKeys("rule", "fields");
    }

    @Test
    void mergesATranslatedTitleWithItsLanguageNoteByPositionAndAuthors() {
        Record a = article("[Are antimicrobials useful in closed thoracostomy due to trauma?]",
                "Villegas-Carlos, F.;Vázquez-Martínez, A. M.", 2009, "Cirugia y cirujanos", "77", "29-32").build();
        Record b = article("Are antimicrobials useful in closed thoracostomy due to trauma? [Spanish]",
                "Villegas-Carlos, Felipe;Vazquez-Martinez, Aaron Moises", 2009, "Cir Cir", "77", "29-32").build();
        assertThat(run(a, b).clusterCount()).isEqualTo(1);
    }

    @Test
    void anErratumIsNeverItsArticleButIsLinkedAsRelated() {
        Record erratum = article("Erratum: " + TEMEL, "Temel, J. S.;Greer, J. A.", 2010,
                "New England Journal of Medicine", "363", "1284").build();
        DedupResult r = run(temel(), erratum);
        assertThat(r.clusterCount()).isEqualTo(2);
        assertThat(r.related()).singleElement().satisfies(p -> assertThat(p.judgement().rule()).isEqualTo("related:erratum"));
    }

    @Test
    void aWebOfScienceCorrectionNoticeIsAnErratum() {
        Record notice = Record.builder().title(TEMEL + " (vol 363, pg 733, 2010)").build();
        assertThat(PublicationKind.of(notice)).isEqualTo(PublicationKind.ERRATUM);
        Record noted = Record.builder().title(TEMEL + ".[Erratum appears in N Engl J Med. 2010;363:1284]").build();
        assertThat(PublicationKind.of(noted)).isEqualTo(PublicationKind.ARTICLE);
    }

    @Test
    void aReplyIsNotTheLetterItAnswers() {
        Record letter = article("Atypical hemolytic uremic syndrome associated with group A beta hemolytic streptococcus",
                "Yildiz, B.;Kural, N.;Yarar, C.", 2004, "Pediatric Nephrology", "19", "943-944").build();
        Record reply = article("Atypical hemolytic uremic syndrome associated with group A beta hemolytic streptococcus - Reply",
                "Shepherd, A. B.;Palmer, A. L.;Baliga, R.", 2004, "Pediatric Nephrology", "19", "945").build();
        Record comment = article("Comment on: " + TEMEL, "Smith, A.", 2010, "New England Journal of Medicine", "363",
                "2470").build();
        assertThat(run(letter, reply).clusterCount()).isEqualTo(2);
        assertThat(run(temel(), comment).clusterCount()).isEqualTo(2);
    }

    @Test
    void aConferenceAbstractIsRelatedToItsFullArticleNotMerged() {
        Record abstractRecord = Record.builder().type(RecordType.CONFERENCE_ABSTRACT).title(TEMEL)
                .author(AuthorNames.parse("Temel, J. S.")).author(AuthorNames.parse("Greer, J. A.")).year(2009)
                .journal("Journal of Clinical Oncology").volume("27").pages("LBA9509").build();
        DedupResult r = run(temel(), abstractRecord);
        assertThat(r.clusterCount()).isEqualTo(2);
        assertThat(r.related()).singleElement()
                .satisfies(p -> assertThat(p.judgement().rule()).isEqualTo("related:conference-abstract"));
    }

    @Test
    void aProtocolIsNotItsResults() {
        Record protocol = article("Early palliative care for patients with advanced cancer: study protocol for a randomised trial",
                "Temel, J. S.;Greer, J. A.", 2009, "Trials", "10", "55").build();
        Record results = article("Early palliative care for patients with advanced cancer: a randomised trial",
                "Temel, J. S.;Greer, J. A.", 2009, "Trials", "10", "55").build();
        assertThat(PublicationKind.of(protocol)).isEqualTo(PublicationKind.PROTOCOL);
        // even at the same volume and page a protocol title differs from the results title
        assertThat(run(protocol, results).clusterOf()).containsExactly(0, 1);
    }

    @Test
    void partsOfASeriesStayApart() {
        Record one = article("Palliative care in general practice. Part 1: models of shared care",
                "Mitchell, G. K.", 2002, "Australian Family Physician", "31", "101-105").build();
        Record two = article("Palliative care in general practice. Part 2: models of shared care",
                "Mitchell, G. K.", 2002, "Australian Family Physician", "31", "101-105").build();
        assertThat(run(one, two).clusterCount()).isEqualTo(2);
    }

    @Test
    void cochraneReviewUpdatesAreRelatedNotMerged() {
        String title = "Early palliative care for adults with advanced cancer";
        Record v1 = article(title, "Haun, M. W.;Estel, S.;Rucker, G.", 2017, "Cochrane Database of Systematic Reviews",
                null, "CD011129").doi("10.1002/14651858.CD011129.pub2").build();
        Record v2 = article(title, "Haun, M. W.;Estel, S.;Rucker, G.", 2017, "Cochrane Database of Systematic Reviews",
                null, "CD011129").doi("10.1002/14651858.CD011129.pub3").build();
        DedupResult r = run(v1, v2);
        assertThat(r.clusterCount()).isEqualTo(2);
        assertThat(r.related()).singleElement()
                .satisfies(p -> assertThat(p.judgement().rule()).isEqualTo("related:review-update"));
    }

    @Test
    void sameTitleInDifferentYearsAndJournalsIsNotMerged() {
        Record a = article("Palliative care: the state of the art", "Jones, K.", 2001, "Lancet", "357", "1000-1002").build();
        Record b = article("Palliative care: the state of the art", "Jones, K.", 2008, "BMJ", "336", "200-201").build();
        assertThat(run(a, b).clusterCount()).isEqualTo(2);
    }

    private static Record.Builder hicss(String title, int year) {
        return article(title, "Deng, X.;Taylor, J.", year, "Proceedings of the Hawaii International Conference on System Sciences",
                null, null);
    }

    @Test
    void aSameTitleWithDifferentDoisIsAMaybeNotAMerge() {
        String title = "Digital workforce platforms and the quality of gig work";
        DedupResult r = run(hicss(title, 2021).doi("10.24251/HICSS.2021.510").build(),
                hicss(title, 2021).doi("10.24251/HICSS.2021.544").build());
        assertThat(r.clusterCount()).isEqualTo(2);
        assertThat(r.maybes()).singleElement().satisfies(p -> {
            assertThat(p.judgement().verdict()).isEqualTo(Verdict.MAYBE);
            assertThat(p.judgement().rule()).isEqualTo("guard:different-doi");
            assertThat(p.judgement().evidence()).containsKeys("likelihood", "reason");
            assertThat(MaybeQueue.reason(p.judgement())).startsWith("Titles and authors agree but the DOIs differ");
        });
    }

    @Test
    void aMinitrackIntroductionOfEachYearIsItsOwnItem() {
        String title = "Introduction to the minitrack on crowdsourcing";
        DedupResult r = run(hicss(title, 2021).doi("10.24251/HICSS.2021.510").build(), hicss(title, 2022).build());
        assertThat(r.clusterCount()).isEqualTo(2);
        assertThat(r.maybes()).isEmpty();
    }

    @Test
    void aBridgeRecordCannotChainTwoStudies() {
        // two different studies (different pages) and a record without pages that matches both
        Record a = article("Outcomes of shared care in palliative oncology", "Lee, A.;Park, B.;Kim, C.;Cho, D.", 2015,
                "Supportive Care in Cancer", "23", "100-108").build();
        Record b = article("Outcomes of shared care in palliative oncology", "Lee, A.;Park, B.;Kim, C.;Cho, D.", 2015,
                "Supportive Care in Cancer", "23", "900-908").build();
        Record bridge = article("Outcomes of shared care in palliative oncology", "Lee, A.;Park, B.;Kim, C.;Cho, D.", 2015,
                "Support Care Cancer", "23", null).build();
        DedupResult r = run(a, b, bridge);
        assertThat(r.clusterOf()[0]).isNotEqualTo(r.clusterOf()[1]);
        assertThat(r.maybes()).isNotEmpty();
    }

    @Test
    void existingStudiesAreNeverJoinedByANewRecord() {
        Record old1 = temel();
        Record old2 = article(TEMEL, "Temel, J. S.;Greer, J. A.;Muzikansky, A.", 2010, "N Engl J Med", "363", "733-42").build();
        Record fresh = article(TEMEL, "Temel JS;Greer JA", 2010, "N Engl J Med", "363", "733").build();
        DedupResult r = Deduplicator.run(List.of(old1, old2, fresh), new long[] {10, 11, -1});
        assertThat(r.clusterOf()[0]).isNotEqualTo(r.clusterOf()[1]);
        assertThat(r.clusterOf()[2]).isIn(r.clusterOf()[0], r.clusterOf()[1]);
        assertThat(r.maybes()).anySatisfy(p -> assertThat(p.judgement().rule()).isEqualTo("maybe:links-two-existing-studies"));
    }

    @Test
    void blockingComparesFarFewerPairsThanAllPairs() {
        List<Record> many = new java.util.ArrayList<>();
        for (int i = 0; i < 2000; i++) {
            many.add(article("Study number " + Integer.toString(i, 36) + " of palliative outcomes in region " + (i * 7919 % 1000),
                    "Author" + (i % 400) + ", A.", 2000 + i % 20, "Journal " + (i % 50), String.valueOf(i % 30),
                    (i * 3) + "-" + (i * 3 + 5)).build());
        }
        DedupResult r = Deduplicator.run(many);
        assertThat(r.comparisons()).isLessThan(2000L * 1999 / 2 / 50);
        assertThat(r.clusterCount()).isEqualTo(2000);
    }
}

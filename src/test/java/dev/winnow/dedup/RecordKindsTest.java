package dev.winnow.dedup;

import static org.assertj.core.api.Assertions.assertThat;

import dev.winnow.record.AuthorNames;
import dev.winnow.record.Record;
import dev.winnow.record.RecordType;
import java.util.List;
import org.junit.jupiter.api.Test;

/**
 * Kinds of records that two exports of one publication write differently, each with a small example
 * shaped like the exports that carry it (Web of Science, Scopus, the AIS eLibrary, Google Scholar,
 * MEDLINE), and the matching case that must stay apart.
 */
class RecordKindsTest {
    private static final String TITLE = "Governing complementors on digital platforms: a configurational analysis";

    private static Record.Builder paper(RecordType type, String title, String authors, int year, String venue) {
        Record.Builder b = Record.builder().type(type).title(title).year(year).journal(venue);
        for (String a : authors.split(";")) {
            b.author(AuthorNames.parse(a));
        }
        return b;
    }

    private static Record.Builder conference(String title, String authors, int year, String venue) {
        return paper(RecordType.CONFERENCE_PAPER, title, authors, year, venue);
    }

    private static DedupResult run(Record... records) {
        return Deduplicator.run(List.of(records));
    }

    private static String rule(DedupResult r, int i) {
        return r.linkOf()[i] == null ? null : r.linkOf()[i].judgement().rule();
    }

    @Test
    void aVenueAcronymAndTheFullProceedingsNameAreOneConference() {
        Record scopus = conference(TITLE, "Lindqvist, Maja;Okafor, Chidi", 2019,
                "Proceedings of the 40th International Conference on Information Systems, ICIS 2019, Munich, Germany")
                .build();
        Record aisel = conference(TITLE, "Lindqvist, M.;Okafor, C.", 2019, "ICIS 2019 Proceedings").build();
        assertThat(run(scopus, aisel).clusterCount()).isEqualTo(1);
        assertThat(Venues.keys("Proceedings of the 40th International Conference on Information Systems, ICIS 2019, "
                + "Munich, Germany")).contains("icis", "international conference on information systems");
    }

    @Test
    void anUpperCaseWebOfScienceVenueWithEditionAndBracketedAcronymIsTheConference() {
        Record wos = conference(TITLE.toUpperCase(), "LINDQVIST, M;OKAFOR, C", 2019,
                "25TH AMERICAS CONFERENCE ON INFORMATION SYSTEMS (AMCIS 2019)").pages("1-10").build();
        // the AIS eLibrary export types the same paper as a journal article of "AMCIS 2019 Proceedings", without pages
        Record aisel = paper(RecordType.JOURNAL_ARTICLE, TITLE, "Lindqvist, Maja;Okafor, Chidi", 2019,
                "AMCIS 2019 Proceedings").build();
        assertThat(run(wos, aisel).clusterCount()).isEqualTo(1);
    }

    @Test
    void proceedingsOfTheTwelfthJointConferenceIsItsAcronym() {
        Record a = conference("Explaining anomaly scores of graph neural networks with counterfactual subgraphs",
                "Moreau, Camille;Haddad, Youssef;Berg, Ingrid", 2020,
                "Proceedings of the Twelfth International Joint Conference on Computational Intelligence").build();
        Record b = conference("Explaining anomaly scores of graph neural networks with counterfactual subgraphs",
                "Moreau, C.;Haddad, Y.;Berg, I.", 2020, "IJCCI 2020").build();
        assertThat(run(a, b).clusterCount()).isEqualTo(1);
    }

    @Test
    void aConferencePaperDatedAYearLaterInItsProceedingsIsOnePaper() {
        Record held = conference(TITLE, "Lindqvist, Maja;Okafor, Chidi", 2019,
                "52nd Hawaii International Conference on System Sciences (HICSS)").build();
        Record printed = conference(TITLE, "Lindqvist, M.;Okafor, C.", 2020,
                "Proceedings of the Annual Hawaii International Conference on System Sciences").build();
        DedupResult r = run(held, printed);
        assertThat(r.clusterCount()).isEqualTo(1);
        assertThat(rule(r, 1)).isEqualTo("conference-paper:title+authors+venue");
    }

    @Test
    void theSameTitleAtTwoDifferentConferencesStaysApart() {
        Record icis = conference(TITLE, "Lindqvist, Maja;Okafor, Chidi", 2019, "ICIS 2019 Proceedings").build();
        Record ecis = conference(TITLE, "Lindqvist, Maja;Okafor, Chidi", 2020, "ECIS 2020 Proceedings").build();
        assertThat(run(icis, ecis).clusterCount()).isEqualTo(2);
    }

    @Test
    void aMeetingAbstractRepeatedAYearLaterInTheSameJournalSupplementStaysApart() {
        String t = "Ibrutinib plus venetoclax in relapsed mantle cell lymphoma: updated results of a phase 2 study";
        Record a = paper(RecordType.CONFERENCE_ABSTRACT, t, "Novak, Petra;Achterberg, Willem;Sato, Kenji", 2019, "Blood")
                .build();
        Record b = paper(RecordType.CONFERENCE_ABSTRACT, t, "Novak, P.;Achterberg, W.;Sato, K.", 2020, "Blood").build();
        assertThat(run(a, b).clusterCount()).isEqualTo(2);
    }

    @Test
    void givenAndFamilyNamesSwappedInOneExportStillAgree() {
        Record scopus = conference(TITLE, "Carignani, Andrea;Bellucci, Sofia", 2021, "ECIS 2021 Proceedings").build();
        Record scholar = conference(TITLE, "Andrea, C.;Sofia, B.", 2021, "European Conference on Information Systems")
                .build();
        DedupResult r = run(scopus, scholar);
        assertThat(r.clusterCount()).isEqualTo(1);
        assertThat(MatchRules.swapped("carignani", "andrea", "andrea", "c")).isTrue();
        assertThat(MatchRules.swapped("carignani", "andrea", "andrea", "b")).isFalse();
    }

    @Test
    void aSubtitleAfterADashAndOneAfterAColonAreOneTitle() {
        Record a = paper(RecordType.JOURNAL_ARTICLE, "Nudging cyber hygiene - a field experiment with bank customers",
                "Varga, Eszter;Lund, Henrik", 2018, "Computers & Security").volume("77").build();
        Record b = paper(RecordType.JOURNAL_ARTICLE, "Nudging cyber hygiene: a field experiment with bank customers",
                "Varga, E.;Lund, H.", 2018, "Comput Secur").volume("77").build();
        assertThat(run(a, b).clusterCount()).isEqualTo(1);
    }

    @Test
    void aSubtitleDroppedOrCutOffInOneRecordIsOneTitle() {
        String full = "Designing for calibrated trust - how users rely on conversational agents in customer service";
        Record a = conference(full, "Okafor, Chidi;Lindqvist, Maja", 2022, "PACIS 2022 Proceedings").build();
        Record dropped = conference("Designing for calibrated trust", "Okafor, C.;Lindqvist, M.", 2022,
                "Pacific Asia Conference on Information Systems").build();
        Record cut = conference("Designing for calibrated trust - how users rely on conversational", "Okafor, C.;Lindqvist, M.",
                2022, "PACIS 2022 Proceedings").build();
        assertThat(run(a, cut).clusterCount()).isEqualTo(1);
        assertThat(rule(run(a, cut), 1)).isEqualTo("title-cut+authors+venue");
        // "Designing for calibrated trust" keeps only four words: too generic to stand for the paper
        assertThat(run(a, dropped).clusterCount()).isEqualTo(2);
    }

    @Test
    void aTitleThatGoesOnIsAnotherStudy() {
        Record a = paper(RecordType.JOURNAL_ARTICLE, "Complement regulatory protein variants predispose to preeclampsia",
                "Fenwick, Laura;Osei, Kwame", 2010, "Molecular Immunology").build();
        Record b = paper(RecordType.JOURNAL_ARTICLE,
                "Complement regulatory protein variants predispose to preeclampsia in patients with lupus",
                "Fenwick, L.;Osei, K.", 2010, "Molecular Immunology").build();
        assertThat(run(a, b).clusterCount()).isEqualTo(2);
    }

    @Test
    void aTranslatedTitleWithTheSameJournalVolumeIssueAndPagesIsOneArticle() {
        Record german = paper(RecordType.JOURNAL_ARTICLE,
                "Chronischer Rückenschmerz bei Pflegekräften: Prävalenz und Risikofaktoren",
                "Hoffmann, Katrin;Weber, Lukas;Brandt, Jonas", 2019, "Der Schmerz").volume("33").issue("2")
                .pages("120-128").build();
        Record english = paper(RecordType.JOURNAL_ARTICLE, "Chronic low back pain in nurses: prevalence and risk factors",
                "Hoffmann, K.;Weber, L.;Brandt, J.", 2019, "Schmerz").volume("33").issue("2").pages("120-8").build();
        DedupResult r = run(german, english);
        assertThat(r.clusterCount()).isEqualTo(1);
        assertThat(rule(r, 1)).isEqualTo("translated-title:journal+volume+issue+pages+authors");
    }

    @Test
    void aRecordWithoutATitleAtTheSameLocatorIsNotMatchedByIt() {
        Record titled = paper(RecordType.JOURNAL_ARTICLE, "Chronic low back pain in nurses: prevalence and risk factors",
                "Hoffmann, K.;Weber, L.", 2019, "Der Schmerz").volume("33").issue("2").pages("120-128").build();
        Record untitled = Record.builder().type(RecordType.JOURNAL_ARTICLE).year(2019).journal("Der Schmerz")
                .author(AuthorNames.parse("Hoffmann, K.")).author(AuthorNames.parse("Weber, L."))
                .volume("33").issue("2").pages("120-128").build();
        assertThat(run(titled, untitled).clusterCount()).isEqualTo(2);
    }

    @Test
    void twoLettersOnOnePageBySameTeamNeedTheirWholeRange() {
        Record a = paper(RecordType.JOURNAL_ARTICLE, "Chronic low back pain in nurses: prevalence and risk factors",
                "Hoffmann, K.;Weber, L.", 2019, "Der Schmerz").volume("33").issue("2").pages("120").build();
        Record b = paper(RecordType.JOURNAL_ARTICLE, "Opioid prescribing after spinal surgery in Germany",
                "Hoffmann, K.;Weber, L.", 2019, "Der Schmerz").volume("33").issue("2").pages("120").build();
        assertThat(run(a, b).clusterCount()).isEqualTo(2);
    }
}

package dev.winnow.rank.features;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.within;

import java.util.List;
import org.junit.jupiter.api.Test;

class TfIdfTest {
    private static final TfIdf.Settings UNIGRAMS = new TfIdf.Settings(false, 1, 1.0, true);

    @Test
    void wordsAreLowerCasedAndSingleCharactersDropped() {
        TextAnalyzer a = new TextAnalyzer(true);
        assertThat(a.words("Early Palliative-care: a GP & oncology model")).containsExactly(
                "early", "palliative", "care", "gp", "oncology", "model");
        assertThat(a.terms("Shared care model")).containsExactly(
                "shared", "care", "model", "shared care", "care model");
    }

    @Test
    void stemmingMeetsTheFormsOfAWordBeforeBigramsAreFormed() {
        TextAnalyzer stems = new TextAnalyzer(true, true);
        assertThat(stems.terms("Patients were Randomized; randomised patient"))
                .containsExactly("patient", "were", "random", "randomis", "patient",
                        "patient were", "were random", "random randomis", "randomis patient");
        assertThat(new TextAnalyzer(true).words("Patients were Randomized"))
                .containsExactly("patients", "were", "randomized");
        TfIdf t = new TfIdf(TfIdf.Settings.ELAS_U4.stemmed());
        t.addAll(java.util.List.of("patients", "patient", "trial"));
        assertThat(t.dimension()).as("'patients' and 'patient' are one feature").isEqualTo(2);
        assertThat(t.rows().get(0).indices()).containsExactly(t.rows().get(1).indices());
    }

    @Test
    void characterGramsAreASecondBlockOfTheirOwnLengthTimesTheirWeight() {
        TextAnalyzer a = new TextAnalyzer(false);
        assertThat(a.charGrams("Beta GP", 4)).containsExactly("_bet", "beta", "eta_", "_gp_");
        TfIdf t = new TfIdf(new TfIdf.Settings(false, 1, 1.0, true).withCharGrams(4, 0.5));
        t.addAll(List.of("atenolol", "metoprolol trial", "placebo"));
        SparseVector metoprolol = t.rows().get(1);
        double words = 0;
        double grams = 0;
        for (int k = 0; k < metoprolol.size(); k++) {
            String term = t.term(metoprolol.indices()[k]);
            double v = metoprolol.values()[k];
            if (term.startsWith("#")) {
                grams += v * v;
            } else {
                words += v * v;
            }
        }
        assertThat(words).isCloseTo(1.0, within(1e-12));
        assertThat(Math.sqrt(grams)).isCloseTo(0.5, within(1e-12));
        // "-olol" words share grams: atenolol and metoprolol are similar, placebo is not like either
        assertThat(t.rows().get(0).dot(dense(metoprolol, t.dimension()))).isPositive();
        assertThat(t.rows().get(2).dot(dense(metoprolol, t.dimension()))).isZero();
        // a word term never meets a gram of the same letters
        TfIdf u = new TfIdf(new TfIdf.Settings(false, 1, 1.0, true).withCharGrams(4, 1.0));
        u.add("_gp_ gp"); // words "_gp_", "gp"; grams "__gp", "_gp_", "gp__" (from "_gp_") and "_gp_" (from "gp")
        assertThat(u.dimension()).as("the word _gp_ and the gram _gp_ are two features").isEqualTo(5);
    }

    private static double[] dense(SparseVector v, int dimension) {
        double[] d = new double[dimension];
        for (int k = 0; k < v.size(); k++) {
            d[v.indices()[k]] = v.values()[k];
        }
        return d;
    }

    @Test
    void weightsByHandOnATinyCorpus() {
        TfIdf t = new TfIdf(UNIGRAMS);
        t.add("banana banana cherry");
        t.add("cherry date");
        t.add("date elder");
        // n 3. banana: tf 2 → 1 + ln 2, df 1 → idf ln(4/2) + 1; cherry: tf 1, df 2 → idf ln(4/3) + 1
        double banana = (1 + Math.log(2)) * (Math.log(4.0 / 2) + 1);
        double cherry = Math.log(4.0 / 3) + 1;
        double norm = Math.hypot(banana, cherry);
        SparseVector row = t.rows().get(0);
        assertThat(row.size()).isEqualTo(2);
        // columns go by decreasing df: cherry (df 2) and date before banana and elder (df 1)
        assertThat(t.term(0)).isEqualTo("cherry");
        assertThat(t.term(2)).isEqualTo("banana");
        assertThat(row.get(2)).isCloseTo(banana / norm, within(1e-12));
        assertThat(row.get(0)).isCloseTo(cherry / norm, within(1e-12));
        assertThat(row.norm()).isCloseTo(1, within(1e-12));
    }

    @Test
    void maxDfDropsTermsInNearlyEveryDocument() {
        TfIdf t = new TfIdf(TfIdf.Settings.ELAS_U4);
        for (int i = 0; i < 20; i++) {
            t.add("study of item" + i);
        }
        t.add("something else entirely");
        // "study", "of" and "study of" are in 20 of 21 documents (20 > 0.95 · 21): not features;
        // "item0" and "of item0" remain
        SparseVector first = t.rows().get(0);
        assertThat(first.size()).isEqualTo(2);
        assertThat(t.rows().get(20).size()).isEqualTo(5);
    }

    @Test
    void growingTheCorpusGivesTheSameRowsAsBuildingItAtOnce() {
        List<String> docs = List.of("palliative care in general practice", "oncology and palliative care",
                "shared care models", "randomised trial of early palliative care", "cost of oncology drugs");
        TfIdf batch = new TfIdf(TfIdf.Settings.ELAS_U4);
        batch.addAll(docs);
        TfIdf grown = new TfIdf(TfIdf.Settings.ELAS_U4);
        grown.addAll(docs.subList(0, 2));
        assertThat(grown.rows()).hasSize(2);
        grown.addAll(docs.subList(2, 5));
        assertThat(grown.dimension()).isEqualTo(batch.dimension());
        for (int i = 0; i < docs.size(); i++) {
            assertThat(grown.rows().get(i).indices()).containsExactly(batch.rows().get(i).indices());
            assertThat(grown.rows().get(i).values()).containsExactly(batch.rows().get(i).values(), within(1e-12));
        }
    }

    @Test
    void replacingADocumentGivesTheRowsOfACorpusBuiltWithItsNewText() {
        List<String> before = List.of("palliative care in general practice", "oncology and palliative care",
                "shared care models", "randomised trial of early palliative care");
        List<String> after = List.of("palliative care in general practice", "oncology and palliative care",
                "shared care models between oncologists and general practitioners", "");
        TfIdf replaced = new TfIdf(TfIdf.Settings.ELAS_U4);
        replaced.addAll(before);
        replaced.rows();
        replaced.replace(2, after.get(2));
        replaced.replace(3, after.get(3));
        TfIdf built = new TfIdf(TfIdf.Settings.ELAS_U4);
        built.addAll(after);
        assertThat(replaced.documents()).isEqualTo(4);
        for (int i = 0; i < after.size(); i++) {
            assertThat(weights(replaced, i)).as("row " + i).hasSameSizeAs(weights(built, i));
            java.util.Map<String, Double> expected = weights(built, i);
            weights(replaced, i).forEach((term, w) -> assertThat(w).as(term).isCloseTo(expected.get(term), within(1e-12)));
        }
        assertThat(weights(replaced, 3)).isEmpty();
        org.assertj.core.api.Assertions.assertThatThrownBy(() -> replaced.replace(4, "x"))
                .isInstanceOf(IndexOutOfBoundsException.class);
    }

    /** A row as term → weight (columns are numbered afresh as the corpus changes). */
    private static java.util.Map<String, Double> weights(TfIdf t, int row) {
        java.util.Map<String, Double> out = new java.util.HashMap<>();
        SparseVector v = t.rows().get(row);
        for (int k = 0; k < v.size(); k++) {
            out.put(t.term(v.indices()[k]), v.values()[k]);
        }
        return out;
    }
}

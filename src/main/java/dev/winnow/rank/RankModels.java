package dev.winnow.rank;

import dev.winnow.UserError;
import dev.winnow.rank.balance.RatioBalancer;
import dev.winnow.rank.combine.Learner;
import dev.winnow.rank.combine.PhaseSwitch;
import dev.winnow.rank.combine.RankFusion;
import dev.winnow.rank.combine.ScoreAverage;
import dev.winnow.rank.combine.SingleModel;
import dev.winnow.rank.features.TfIdf;
import dev.winnow.rank.models.DualSvm;
import dev.winnow.rank.models.Ensemble;
import dev.winnow.rank.models.Liblinear;
import dev.winnow.rank.models.Liblinear.Loss;
import dev.winnow.rank.models.NaiveBayes;
import dev.winnow.rank.query.Querier;
import java.util.List;
import java.util.stream.Collectors;

/**
 * Every shipped ranking configuration, in one table. The default is the one the benchmark
 * ({@code winnow bench rank}, docs/rank.md) chose, not a matter of taste.
 */
public final class RankModels {
    private RankModels() {
    }

    /** ASReview's ELAS u4: 1–2-gram TF-IDF, linear SVM (squared hinge, C = 0.11), balance 9.8, max. */
    public static final RankModel ELAS_U4 = new RankModel("elas-u4",
            "ELAS u4 equivalent: TF-IDF 1-2-grams (sublinear tf, min_df 1, max_df 0.95), "
                    + "L2-loss linear SVM C=0.11, balance ratio 9.8, highest score first",
            TfIdf.Settings.ELAS_U4, new DualSvm(0.11), new RatioBalancer(9.8), Querier.max());

    /**
     * ELAS u4 with the SVM solved to tol 0.01 instead of LinearSVC's 1e-4: ~3x faster; on the 15
     * dev sets median loss 0.1275 as u4, worst +0.0008 (docs/rank.md).
     */
    public static final RankModel ELAS_U4_FAST = new RankModel("elas-u4-fast",
            "ELAS u4 equivalent with the SVM solved to tolerance 0.01 (LinearSVC's is 1e-4): faster, "
                    + "same median loss on the dev sets",
            TfIdf.Settings.ELAS_U4, new DualSvm(0.11, 0.01, 1000), new RatioBalancer(9.8), Querier.max());

    /** The same, with logistic regression in place of the SVM. */
    public static final RankModel LOGISTIC = new RankModel("logistic",
            "TF-IDF 1-2-grams as ELAS u4, L2 logistic regression C=1.0, balance ratio 9.8, highest score first",
            TfIdf.Settings.ELAS_U4, new Liblinear(Loss.LOGISTIC, 1.0), new RatioBalancer(9.8), Querier.max());

    /** SVM and logistic regression averaged (each scaled to unit norm). */
    public static final RankModel ENSEMBLE = new RankModel("svm-logistic",
            "TF-IDF 1-2-grams as ELAS u4; average of the u4 SVM and logistic regression C=1.0 (unit-norm), "
                    + "balance ratio 9.8, highest score first",
            TfIdf.Settings.ELAS_U4,
            new Ensemble(List.of(new DualSvm(0.11), new Liblinear(Loss.LOGISTIC, 1.0))),
            new RatioBalancer(9.8), Querier.max());

    /** ELAS u4 with 5% random exploration. */
    public static final RankModel EXPLORING = new RankModel("elas-u4-explore",
            "ELAS u4 equivalent, but 5% of picks are a random unscreened record",
            TfIdf.Settings.ELAS_U4, new DualSvm(0.11), new RatioBalancer(9.8),
            Querier.exploring(0.05));

    /** u4's learner: the SVM with its balancer. */
    private static final Learner U4 = new SingleModel(new DualSvm(0.11), new RatioBalancer(9.8));
    /** ELAS u3's classifier and balancer (multinomial NB, α = 3.822, ratio 1.2). */
    private static final Learner U3_NB = new SingleModel(new NaiveBayes(3.822), new RatioBalancer(1.2));

    /** u3's naive Bayes on u4's features. */
    public static final RankModel NB = new RankModel("nb",
            "ELAS u3's classifier on u4's features: multinomial naive Bayes alpha=3.822, balance ratio 1.2, "
                    + "TF-IDF 1-2-grams as u4, highest score first",
            TfIdf.Settings.ELAS_U4, 1, U3_NB, Querier.max());

    public static RankModel fusionRrf(int k) {
        return new RankModel("fusion-rrf-" + k,
                "reciprocal rank fusion (k=" + k + ") of ELAS u4 and naive Bayes (u3's settings) on u4's features",
                TfIdf.Settings.ELAS_U4, 1, new RankFusion(U4, U3_NB, k), Querier.max());
    }

    public static final RankModel FUSION_Z = new RankModel("fusion-z",
            "average of ELAS u4's and naive Bayes' scores, each standardised over the unlabelled records",
            TfIdf.Settings.ELAS_U4, 1, new ScoreAverage(U4, U3_NB), Querier.max());

    public static RankModel phaseSwitch(int at) {
        return new RankModel("switch-" + at,
                "naive Bayes (u3's settings, u4's features) for the first " + at + " labels, ELAS u4 from then on",
                TfIdf.Settings.ELAS_U4, 1, new PhaseSwitch(U3_NB, U4, at), Querier.max());
    }

    public static final RankModel TITLE2 = new RankModel("title2",
            "ELAS u4 with each record's title counted twice in its text",
            TfIdf.Settings.ELAS_U4, 2, U4, Querier.max());

    /** u4 on English word stems (Snowball "Porter2"): "patients"/"patient", "randomized"/"randomization" meet. */
    public static final RankModel STEM = new RankModel("stem",
            "ELAS u4 on English word stems (Snowball English stemmer) instead of the words as written",
            TfIdf.Settings.ELAS_U4.stemmed(), 1, U4, Querier.max());

    /** The same, dropping terms in more than half of the records (u4 drops those in more than 95%). */
    public static final RankModel STEM_MAXDF_05 = new RankModel("stem-maxdf05",
            "ELAS u4 on English word stems, terms in more than 50% of the records dropped (u4: 95%)",
            TfIdf.Settings.ELAS_U4.stemmed().withMaxDf(0.5), 1, U4, Querier.max());

    /** u4's words plus the words' character n-grams as a second, equally weighted block. */
    public static RankModel wordsAndCharGrams(int n) {
        return new RankModel("words-chars" + n,
                "ELAS u4's TF-IDF word 1-2-grams plus a block of the words' character " + n
                        + "-grams (TF-IDF, each block unit length), L2-loss SVM as u4",
                TfIdf.Settings.ELAS_U4.withCharGrams(n, 1.0), 1, U4, Querier.max());
    }

    public static final List<RankModel> ALL = List.of(ELAS_U4, ELAS_U4_FAST, LOGISTIC, ENSEMBLE, EXPLORING);

    /** The configurations tried against u4 by the protocol of docs/rank.md (issue 18). */
    public static final List<RankModel> CANDIDATES = List.of(NB, fusionRrf(10), fusionRrf(60), FUSION_Z,
            phaseSwitch(50), phaseSwitch(200), TITLE2, STEM, STEM_MAXDF_05, wordsAndCharGrams(4),
            wordsAndCharGrams(5));

    /** The default, chosen by the benchmark (docs/rank.md). */
    public static final RankModel DEFAULT = ELAS_U4;

    public static RankModel byName(String name) {
        if (name == null) {
            return DEFAULT;
        }
        return java.util.stream.Stream.concat(ALL.stream(), CANDIDATES.stream())
                .filter(m -> m.name().equalsIgnoreCase(name)).findFirst()
                .orElseThrow(() -> new UserError("no ranking model '" + name + "'; known: "
                        + ALL.stream().map(RankModel::name).collect(Collectors.joining(", "))));
    }
}

package dev.winnow.rank;

import dev.winnow.UserError;
import dev.winnow.rank.balance.RatioBalancer;
import dev.winnow.rank.features.TfIdf;
import dev.winnow.rank.models.DualSvm;
import dev.winnow.rank.models.Ensemble;
import dev.winnow.rank.models.Liblinear;
import dev.winnow.rank.models.Liblinear.Loss;
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

    public static final List<RankModel> ALL = List.of(ELAS_U4, ELAS_U4_FAST, LOGISTIC, ENSEMBLE, EXPLORING);

    /** The default, chosen by the benchmark (docs/rank.md). */
    public static final RankModel DEFAULT = ELAS_U4;

    public static RankModel byName(String name) {
        if (name == null) {
            return DEFAULT;
        }
        return ALL.stream().filter(m -> m.name().equalsIgnoreCase(name)).findFirst()
                .orElseThrow(() -> new UserError("no ranking model '" + name + "'; known: "
                        + ALL.stream().map(RankModel::name).collect(Collectors.joining(", "))));
    }
}

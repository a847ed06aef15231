package dev.winnow.rank.models;

import dev.winnow.rank.balance.Balancer.ClassWeights;
import dev.winnow.rank.features.SparseVector;
import java.util.List;

/**
 * Multinomial naive Bayes as scikit-learn's {@code MultinomialNB} with sample weights (ELAS u3's
 * classifier): per class c, feature mass N_cj = Σ weight·x_ij over its rows, smoothed
 * θ_cj = (N_cj + α) / (Σ_j N_cj + α·d) with d the number of features, prior from the classes'
 * total weights. Ranking by P(relevant | x) is ranking by its log-odds, which is linear:
 * Σ_j x_j (ln θ_1j − ln θ_0j) + ln prior_1 − ln prior_0 — so the result is a {@link LinearModel}.
 * A feature no labelled row has gets the same weight ln((N_0 + α·d)/(N_1 + α·d)) everywhere.
 */
public record NaiveBayes(double alpha) implements Classifier {
    public NaiveBayes {
        if (!(alpha > 0)) {
            throw new IllegalArgumentException("alpha must be positive: " + alpha);
        }
    }

    @Override
    public LinearModel fit(List<SparseVector> rows, boolean[] relevant, ClassWeights weights, int dimension,
                           LinearModel warm) {
        double[] massRel = new double[dimension];
        double[] massIrr = new double[dimension];
        double totalRel = 0;
        double totalIrr = 0;
        double priorRel = 0;
        double priorIrr = 0;
        for (int i = 0; i < rows.size(); i++) {
            SparseVector x = rows.get(i);
            double w = relevant[i] ? weights.relevant() : weights.irrelevant();
            double[] mass = relevant[i] ? massRel : massIrr;
            double sum = 0;
            for (int k = 0; k < x.size(); k++) {
                double v = w * x.values()[k];
                mass[x.indices()[k]] += v;
                sum += v;
            }
            if (relevant[i]) {
                totalRel += sum;
                priorRel += w;
            } else {
                totalIrr += sum;
                priorIrr += w;
            }
        }
        double logRel = Math.log(totalRel + alpha * dimension);
        double logIrr = Math.log(totalIrr + alpha * dimension);
        double[] w = new double[dimension];
        // a feature no labelled row has: the same expression, computed once
        double unseen = Math.log(alpha) - logRel - Math.log(alpha) + logIrr;
        for (int j = 0; j < dimension; j++) {
            w[j] = massRel[j] == 0 && massIrr[j] == 0 ? unseen
                    : Math.log(massRel[j] + alpha) - logRel - Math.log(massIrr[j] + alpha) + logIrr;
        }
        return new LinearModel(w, Math.log(priorRel) - Math.log(priorIrr));
    }
}

package dev.winnow.bench;

import java.util.ArrayList;
import java.util.Arrays;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;

/**
 * The pre-registered selection of docs/rank.md (issue 18): over a set of datasets, among the
 * configurations whose worst delta (loss − u4's loss) is at most {@link #MAX_WORSE}, the one with the
 * lowest median of loss / u4's loss; ties go to the configuration listed first; u4 itself competes,
 * listed first (ratio 1, delta 0), so a configuration must have a median ratio below 1 to be chosen;
 * otherwise u4 stays (null). Leave-one-dataset-out: each dataset's held-out figure is the loss, on it, of the
 * configuration selected on the others.
 */
public final class ModelSelection {
    /** The largest loss increase over u4 allowed on any dataset. */
    public static final double MAX_WORSE = 0.01;

    private final List<String> datasets;
    private final double[] u4;
    private final Map<String, double[]> losses;

    /**
     * @param datasets the dataset names, in order
     * @param u4 u4's loss per dataset
     * @param losses per configuration (in the protocol's order), its loss per dataset
     */
    public ModelSelection(List<String> datasets, double[] u4, Map<String, double[]> losses) {
        this.datasets = List.copyOf(datasets);
        this.u4 = u4.clone();
        this.losses = new LinkedHashMap<>(losses);
        for (Map.Entry<String, double[]> e : losses.entrySet()) {
            if (e.getValue().length != datasets.size()) {
                throw new IllegalArgumentException(e.getKey() + ": " + e.getValue().length + " losses for "
                        + datasets.size() + " datasets");
            }
        }
    }

    /** One configuration's standing on a set of datasets. */
    public record Standing(String config, double medianRatio, double worstDelta, String worstDataset,
                           double medianLoss) {
        public boolean qualifies() {
            return worstDelta <= MAX_WORSE + 1e-12;
        }
    }

    /** A dataset's held-out result: the configuration chosen on the other datasets, and its loss here. */
    public record HeldOut(String dataset, String chosen, double loss, double u4Loss) {
    }

    public Standing standing(String config, boolean[] use) {
        double[] l = losses.get(config);
        List<Double> ratios = new ArrayList<>();
        List<Double> ls = new ArrayList<>();
        double worst = Double.NEGATIVE_INFINITY;
        String worstName = "";
        for (int d = 0; d < datasets.size(); d++) {
            if (!use[d]) {
                continue;
            }
            ratios.add(l[d] / u4[d]);
            ls.add(l[d]);
            if (l[d] - u4[d] > worst) {
                worst = l[d] - u4[d];
                worstName = datasets.get(d);
            }
        }
        return new Standing(config, median(ratios), worst, worstName, median(ls));
    }

    /** The configuration the protocol selects on the datasets marked in {@code use}; null: u4 stays. */
    public String select(boolean[] use) {
        // u4 itself competes, listed first: median ratio 1, worst delta 0 (amendment, docs/rank.md)
        String best = null;
        double bestRatio = 1.0;
        for (String c : losses.keySet()) {
            Standing s = standing(c, use);
            if (s.qualifies() && s.medianRatio() < bestRatio) {
                best = c;
                bestRatio = s.medianRatio();
            }
        }
        return best;
    }

    /** Every configuration's standing on all datasets. */
    public List<Standing> inSample() {
        boolean[] all = new boolean[datasets.size()];
        Arrays.fill(all, true);
        return losses.keySet().stream().map(c -> standing(c, all)).toList();
    }

    /** The selection on all datasets (null: u4). */
    public String selectOnAll() {
        boolean[] all = new boolean[datasets.size()];
        Arrays.fill(all, true);
        return select(all);
    }

    /** Leave-one-dataset-out: per dataset, the selection on the others and its loss on this one. */
    public List<HeldOut> leaveOneOut() {
        List<HeldOut> out = new ArrayList<>();
        for (int d = 0; d < datasets.size(); d++) {
            boolean[] use = new boolean[datasets.size()];
            Arrays.fill(use, true);
            use[d] = false;
            String chosen = select(use);
            double loss = chosen == null ? u4[d] : losses.get(chosen)[d];
            out.add(new HeldOut(datasets.get(d), chosen == null ? "elas-u4" : chosen, loss, u4[d]));
        }
        return out;
    }

    static double median(List<Double> xs) {
        return RankBenchmark.median(xs);
    }
}

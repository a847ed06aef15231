package dev.winnow.report.checklist;

import java.util.List;

/**
 * Agreement between two reviewers who each decided the same records: percent agreement and
 * Cohen's kappa (κ = (p_o − p_e) / (1 − p_e), with p_e from each reviewer's own rates). Pure.
 *
 * @param pairs   records both reviewers decided
 * @param agreed  records on which they agreed
 * @param kappa   Cohen's kappa, or NaN when chance agreement is 1 (both always gave the same single answer)
 */
public record Agreement(int pairs, int agreed, double kappa) {

    public double percent() {
        return pairs == 0 ? Double.NaN : 100.0 * agreed / pairs;
    }

    /** @param pairs each element {first reviewer's verdict, second reviewer's verdict} */
    public static Agreement of(List<String[]> pairs) {
        if (pairs.isEmpty()) {
            return new Agreement(0, 0, Double.NaN);
        }
        java.util.Map<String, int[]> marginals = new java.util.HashMap<>();
        int agreed = 0;
        for (String[] p : pairs) {
            if (p[0].equals(p[1])) {
                agreed++;
            }
            marginals.computeIfAbsent(p[0], k -> new int[2])[0]++;
            marginals.computeIfAbsent(p[1], k -> new int[2])[1]++;
        }
        double n = pairs.size();
        double po = agreed / n;
        double pe = 0;
        for (int[] m : marginals.values()) {
            pe += (m[0] / n) * (m[1] / n);
        }
        double kappa = pe >= 1.0 ? Double.NaN : (po - pe) / (1 - pe);
        return new Agreement(pairs.size(), agreed, kappa);
    }
}

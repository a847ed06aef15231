package dev.winnow.screen;

import java.util.ArrayList;
import java.util.LinkedHashSet;
import java.util.List;
import java.util.Objects;

/**
 * Agreement between two raters over the items both rated (REFERENCE.md §4): percent agreement
 * p_o, Cohen's κ, PABAK and Gwet's AC1. Pure arithmetic. A statistic that is undefined for the
 * data (κ when both raters used one category only; anything over no items) is null.
 *
 * @param n          items both rated
 * @param categories q, the number of categories (table rows; for label lists the categories
 *                   either rater used, at least 2)
 */
public record Agreement(int n, int categories, Double percent, Double kappa, Double pabak, Double ac1) {

    /** From a q×q table: rows rater A's category, columns rater B's; cells are counts. */
    public static Agreement ofTable(long[][] table) {
        int q = table.length;
        if (q < 2) {
            throw new IllegalArgumentException("an agreement table needs at least 2 categories");
        }
        double n = 0;
        for (long[] row : table) {
            if (row.length != q) {
                throw new IllegalArgumentException("an agreement table must be square");
            }
            for (long c : row) {
                n += c;
            }
        }
        if (n == 0) {
            return new Agreement(0, q, null, null, null, null);
        }
        double po = 0;
        double pe = 0;
        double peGamma = 0;
        for (int k = 0; k < q; k++) {
            po += table[k][k] / n;
            double rowK = 0;
            double colK = 0;
            for (int j = 0; j < q; j++) {
                rowK += table[k][j] / n;
                colK += table[j][k] / n;
            }
            pe += rowK * colK;
            double pi = (rowK + colK) / 2;
            peGamma += pi * (1 - pi);
        }
        peGamma /= (q - 1);
        Double kappa = pe >= 1 - 1e-12 ? null : (po - pe) / (1 - pe);
        Double ac1 = peGamma >= 1 - 1e-12 ? null : (po - peGamma) / (1 - peGamma);
        double pabak = (q * po - 1) / (q - 1);
        return new Agreement((int) n, q, po, kappa, pabak, ac1);
    }

    /**
     * From two raters' labels for the same items, in the same order. The categories are those
     * either rater used (at least 2, so that one-category data still gives PABAK and AC1).
     */
    public static <T> Agreement of(List<T> a, List<T> b) {
        if (a.size() != b.size()) {
            throw new IllegalArgumentException("both raters must label the same items");
        }
        LinkedHashSet<T> seen = new LinkedHashSet<>(a);
        seen.addAll(b);
        List<T> cats = new ArrayList<>(seen);
        int q = Math.max(2, cats.size());
        long[][] table = new long[q][q];
        for (int i = 0; i < a.size(); i++) {
            table[cats.indexOf(Objects.requireNonNull(a.get(i)))][cats.indexOf(Objects.requireNonNull(b.get(i)))]++;
        }
        return ofTable(table);
    }

    /** Adds tables cell by cell (pooling several reviewer pairs into one stage figure). */
    static long[][] sum(long[][] x, long[][] y) {
        long[][] out = new long[x.length][x.length];
        for (int i = 0; i < x.length; i++) {
            for (int j = 0; j < x.length; j++) {
                out[i][j] = x[i][j] + y[i][j];
            }
        }
        return out;
    }
}

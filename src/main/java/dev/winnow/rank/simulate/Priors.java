package dev.winnow.rank.simulate;

import java.util.SplittableRandom;

/**
 * Prior knowledge for a simulation: one relevant and one irrelevant record.
 *
 * <p>From a seed, with a documented RNG: {@code java.util.SplittableRandom(seed)}; the relevant
 * prior is the {@code nextInt(R)}-th relevant row in file order, then the irrelevant prior is the
 * {@code nextInt(N − R)}-th irrelevant row. (numpy's {@code default_rng} cannot be reproduced;
 * to compare with the anchor, pass its prior ids, as {@code winnow bench rank} does.)
 */
public record Priors(int relevant, int irrelevant) {

    public static Priors fromSeed(boolean[] labels, long seed) {
        SplittableRandom rng = new SplittableRandom(seed);
        int r = 0;
        for (boolean b : labels) {
            if (b) {
                r++;
            }
        }
        if (r == 0 || r == labels.length) {
            throw new IllegalArgumentException("priors need both relevant and irrelevant records");
        }
        int rel = nth(labels, true, rng.nextInt(r));
        int irr = nth(labels, false, rng.nextInt(labels.length - r));
        return new Priors(rel, irr);
    }

    private static int nth(boolean[] labels, boolean want, int k) {
        for (int i = 0; i < labels.length; i++) {
            if (labels[i] == want && k-- == 0) {
                return i;
            }
        }
        throw new IllegalStateException();
    }
}

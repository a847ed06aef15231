package dev.winnow.screen;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.within;

import java.util.ArrayList;
import java.util.LinkedHashSet;
import java.util.List;
import java.util.Random;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.ValueSource;

class AgreementTest {

    @Test
    void matchesTheReferenceTestVector() {
        // REFERENCE.md §4: irrCAC's table; p_o 0.89, κ 0.79641, AC1 0.84933, PABAK 0.835
        Agreement a = Agreement.ofTable(new long[][] {{13, 0, 0}, {0, 20, 7}, {0, 4, 56}});
        assertThat(a.n()).isEqualTo(100);
        assertThat(a.percent()).isCloseTo(0.89, within(5e-5));
        assertThat(a.kappa()).isCloseTo(0.79641, within(5e-5));
        assertThat(a.ac1()).isCloseTo(0.84933, within(5e-5));
        assertThat(a.pabak()).isCloseTo(0.835, within(5e-5));
    }

    @Test
    void showsTheKappaParadoxOfRareInclusions() {
        // REFERENCE.md §4: a=5, b=3, c=2, d=990 → p_o 0.995, κ 0.664, AC1 0.995, PABAK 0.990
        Agreement a = Agreement.ofTable(new long[][] {{5, 3}, {2, 990}});
        assertThat(a.percent()).isCloseTo(0.995, within(5e-4));
        assertThat(a.kappa()).isCloseTo(0.664, within(5e-4));
        assertThat(a.ac1()).isCloseTo(0.995, within(5e-4));
        assertThat(a.pabak()).isCloseTo(0.990, within(5e-4));
    }

    @Test
    void undefinedStatisticsAreNullNotNaN() {
        Agreement none = Agreement.of(List.of(), List.of());
        assertThat(none.n()).isZero();
        assertThat(none.percent()).isNull();
        Agreement allSame = Agreement.of(List.of(Verdict.EXCLUDE, Verdict.EXCLUDE), List.of(Verdict.EXCLUDE, Verdict.EXCLUDE));
        assertThat(allSame.percent()).isEqualTo(1.0);
        assertThat(allSame.kappa()).isNull();
        assertThat(allSame.ac1()).isEqualTo(1.0);
        assertThat(allSame.pabak()).isEqualTo(1.0);
    }

    /** Property: on generated two-reviewer data, the table arithmetic equals a brute-force count over item pairs. */
    @ParameterizedTest
    @ValueSource(longs = {1, 2, 3, 5, 8, 13, 21, 34, 55, 89, 144, 233})
    void agreesWithBruteForceOnGeneratedData(long seed) {
        Random rnd = new Random(seed);
        int n = 5 + rnd.nextInt(300);
        double prevalence = rnd.nextDouble() * 0.5;
        double accuracy = 0.5 + rnd.nextDouble() * 0.5;
        boolean withMaybe = rnd.nextBoolean();
        List<Verdict> a = new ArrayList<>();
        List<Verdict> b = new ArrayList<>();
        for (int i = 0; i < n; i++) {
            Verdict truth = rnd.nextDouble() < prevalence ? Verdict.INCLUDE : Verdict.EXCLUDE;
            a.add(rate(rnd, truth, accuracy, withMaybe));
            b.add(rate(rnd, truth, accuracy, withMaybe));
        }
        Agreement got = Agreement.of(a, b);

        List<Verdict> cats = new ArrayList<>(new LinkedHashSet<>(a));
        b.stream().filter(v -> !cats.contains(v)).distinct().forEach(cats::add);
        int q = Math.max(2, cats.size());
        double same = 0;
        for (int i = 0; i < n; i++) {
            same += a.get(i) == b.get(i) ? 1 : 0;
        }
        double po = same / n;
        double chance = 0; // probability that a random item of A and a random item of B carry the same label
        for (int i = 0; i < n; i++) {
            for (int j = 0; j < n; j++) {
                chance += a.get(i) == b.get(j) ? 1 : 0;
            }
        }
        double pe = chance / ((double) n * n);
        double peGamma = 0;
        for (Verdict k : cats) {
            double pi = (a.stream().filter(k::equals).count() + b.stream().filter(k::equals).count()) / (2.0 * n);
            peGamma += pi * (1 - pi);
        }
        peGamma /= (q - 1);

        assertThat(got.n()).isEqualTo(n);
        assertThat(got.categories()).isEqualTo(q);
        assertThat(got.percent()).isCloseTo(po, within(1e-9));
        if (pe < 1) {
            assertThat(got.kappa()).isCloseTo((po - pe) / (1 - pe), within(1e-9));
        }
        assertThat(got.ac1()).isCloseTo((po - peGamma) / (1 - peGamma), within(1e-9));
        assertThat(got.pabak()).isCloseTo((q * po - 1) / (q - 1), within(1e-9));
        assertThat(got.kappa() == null || got.kappa() <= 1 + 1e-12).isTrue();
    }

    private static Verdict rate(Random rnd, Verdict truth, double accuracy, boolean withMaybe) {
        if (withMaybe && rnd.nextDouble() < 0.05) {
            return Verdict.MAYBE;
        }
        if (rnd.nextDouble() < accuracy) {
            return truth;
        }
        return truth == Verdict.INCLUDE ? Verdict.EXCLUDE : Verdict.INCLUDE;
    }
}

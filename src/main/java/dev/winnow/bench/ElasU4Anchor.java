package dev.winnow.bench;

import java.util.List;
import java.util.Optional;

/**
 * ASReview ELAS u4's measured figures and prior records per dev dataset, transcribed from
 * shared/design/ANCHORS.md (means over seeds 0–2; priors as 0-based rows: relevant, irrelevant).
 */
public record ElasU4Anchor(String dataset, String path, int n, int r, double wss95, double rrf10, double atd,
                           double loss, double secondsPerSimulation, int[][] priors) {

    static final String COHEN = "datasets/Cohen_2006/output/online/";

    public static final List<ElasU4Anchor> ALL = List.of(
            cohen("ACEInhibitors", 2544, 41, 0.752, 0.829, 0.073, 0.0662, 160.3, 2162, 1617, 1546, 1295, 2162, 662),
            cohen("ADHD", 851, 20, 0.536, 0.667, 0.109, 0.0987, 19.6, 554, 546, 333, 440, 496, 224),
            cohen("Antihistamines", 310, 16, -0.015, 0.438, 0.230, 0.2134, 2.7, 248, 198, 183, 156, 248, 80),
            cohen("AtypicalAntipsychotics", 1120, 146, 0.258, 0.374, 0.219, 0.1760, 13.4, 898, 723, 475, 579, 868, 299),
            cohen("BetaBlockers", 2072, 42, 0.541, 0.738, 0.106, 0.0978, 93.2, 1704, 1321, 761, 1062, 1704, 547),
            cohen("CalciumChannelBlockers", 1218, 100, 0.368, 0.413, 0.187, 0.1583, 22.7, 1064, 771, 470, 625, 1033, 330),
            cohen("Estrogens", 368, 80, 0.318, 0.271, 0.244, 0.1718, 2.7, 348, 222, 166, 185, 347, 94),
            cohen("NSAIDS", 393, 41, 0.724, 0.561, 0.115, 0.0690, 3.5, 343, 252, 156, 203, 343, 108),
            new ElasU4Anchor("Nagtegaal_2019", "datasets/Nagtegaal_2019/output/Nagtegaal_2019.csv", 2019, 101, 0.728,
                    0.660, 0.091, 0.0689, 91.7, new int[][] {{1763, 1290}, {915, 1039}, {1760, 531}}),
            cohen("Opiods", 1915, 15, 0.210, 0.800, 0.152, 0.1491, 144.9, 1177, 1223, 524, 983, 1177, 503),
            cohen("OralHypoglycemics", 503, 136, 0.176, 0.245, 0.306, 0.2328, 5.1, 416, 319, 171, 261, 410, 151),
            cohen("ProtonPumpInhibitors", 1333, 51, 0.458, 0.706, 0.142, 0.1275, 26.8, 1186, 848, 492, 683, 1149, 352),
            cohen("SkeletalMuscleRelaxants", 1643, 9, 0.107, 0.148, 0.457, 0.4562, 272.9, 1289, 1044, 1199, 840, 1289, 430),
            cohen("Triptans", 671, 24, 0.631, 0.514, 0.132, 0.1176, 7.7, 372, 435, 320, 347, 372, 176),
            cohen("UrinaryIncontinence", 327, 40, 0.425, 0.500, 0.168, 0.1199, 2.0, 260, 212, 102, 176, 258, 91));

    /** Median u4 loss over the 15 datasets (ANCHORS.md). */
    public static final double MEDIAN_LOSS = 0.1275;

    private static ElasU4Anchor cohen(String name, int n, int r, double wss, double rrf, double atd, double loss,
                                      double secs, int... priors) {
        return new ElasU4Anchor(name, COHEN + name + ".csv", n, r, wss, rrf, atd, loss, secs,
                new int[][] {{priors[0], priors[1]}, {priors[2], priors[3]}, {priors[4], priors[5]}});
    }

    public static Optional<ElasU4Anchor> find(String dataset) {
        return ALL.stream().filter(a -> a.dataset().equalsIgnoreCase(dataset)).findFirst();
    }
}

package dev.winnow.rank.stop;

import dev.winnow.UserError;
import java.util.Locale;

/**
 * The stopping rules a team can pre-register, by name: {@code hypergeometric} (recall 95%,
 * confidence 95%), {@code hypergeometric:TARGET:CONFIDENCE} (e.g. {@code hypergeometric:0.9:0.95}),
 * {@code consecutive:K} (heuristic: K irrelevant in a row).
 */
public final class StoppingRules {
    private StoppingRules() {
    }

    /** Callaghan & Müller-Hansen at 95% recall, 95% confidence. */
    public static final StoppingRule DEFAULT = new HypergeometricStop(0.95, 0.95);

    public static StoppingRule parse(String spec) {
        if (spec == null || spec.isBlank()) {
            return DEFAULT;
        }
        String[] parts = spec.strip().toLowerCase(Locale.ROOT).split(":");
        try {
            return switch (parts[0]) {
                case "hypergeometric", "cmh", "callaghan" -> parts.length == 1 ? DEFAULT
                        : new HypergeometricStop(Double.parseDouble(parts[1]),
                                parts.length > 2 ? Double.parseDouble(parts[2]) : 0.95);
                case "consecutive", "consecutive-irrelevant" ->
                        new ConsecutiveIrrelevant(parts.length > 1 ? Integer.parseInt(parts[1]) : 50);
                default -> throw new UserError("unknown stopping rule '" + spec
                        + "'; expected hypergeometric[:TARGET[:CONFIDENCE]] or consecutive[:K]");
            };
        } catch (IllegalArgumentException e) {
            throw new UserError("stopping rule '" + spec + "': " + e.getMessage());
        }
    }
}

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

    /**
     * The rule a protocol pre-registered ({@code stoppingRule: {name, targetRecall, confidence}}):
     * {@code buscar} (or {@code hypergeometric}, {@code cmh}, {@code callaghan}) is the hypergeometric
     * test at the protocol's recall target and confidence (95% / 95% when left out); any other name
     * is read as by {@link #parse} (e.g. {@code consecutive:50}). None registered: {@link #DEFAULT}.
     * An unknown name is a {@link UserError}.
     */
    public static StoppingRule registered(dev.winnow.protocol.StoppingRule rule) {
        if (rule == null || rule.name() == null || rule.name().isBlank()) {
            return DEFAULT;
        }
        String name = rule.name().strip().toLowerCase(Locale.ROOT);
        if (name.equals("buscar") || name.equals("hypergeometric") || name.equals("cmh") || name.equals("callaghan")) {
            double target = rule.targetRecall() == null ? 0.95 : rule.targetRecall();
            double confidence = rule.confidence() == null ? 0.95 : rule.confidence();
            try {
                return new HypergeometricStop(target, confidence);
            } catch (IllegalArgumentException e) {
                throw new UserError("stopping rule '" + rule.name() + "': " + e.getMessage());
            }
        }
        return parse(rule.name());
    }

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

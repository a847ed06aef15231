package dev.winnow.protocol;

import dev.winnow.screen.StageName;
import java.util.ArrayList;
import java.util.List;
import java.util.Optional;

/**
 * A review protocol as data: the question, eligibility criteria (PCC and other limits), the
 * screening stages with their rules and exclusion reasons, and the pre-registered stopping rule.
 * Its file form is {@code protocol.yaml} ({@link ProtocolYaml}); stored versioned.
 */
public record Protocol(String title, String question, List<Criterion> criteria, List<StageRules> stages,
                       StoppingRule stoppingRule) {
    public Protocol {
        criteria = criteria == null ? List.of() : List.copyOf(criteria);
        stages = stages == null ? List.of() : List.copyOf(stages);
    }

    /** An empty protocol: no criteria, both stages with their default rules. */
    public static Protocol empty() {
        return new Protocol(null, null, List.of(), List.of(), null);
    }

    /** This stage's rules: as the protocol gives them, else the defaults. */
    public StageRules rules(StageName stage) {
        return stages.stream().filter(s -> s.name() == stage).findFirst().orElse(StageRules.defaults(stage));
    }

    public Optional<Criterion> criterion(String id) {
        return criteria.stream().filter(c -> c.id().equals(id)).findFirst();
    }

    /** What is wrong with this protocol, as messages naming the field; empty when it is sound. */
    public List<String> problems() {
        List<String> out = new ArrayList<>();
        List<String> ids = new ArrayList<>();
        for (int i = 0; i < criteria.size(); i++) {
            Criterion c = criteria.get(i);
            String where = "criteria[" + (i + 1) + "]";
            if (c.id() == null || !c.id().matches("[a-z0-9][a-z0-9-]{0,39}")) {
                out.add(where + ".id: expected a short name of lower-case letters, digits and hyphens");
            } else if (ids.contains(c.id())) {
                out.add(where + ".id: '" + c.id() + "' is used twice");
            } else {
                ids.add(c.id());
            }
            if (c.element() == null) {
                out.add(where + ".element: missing (population, concept, context, study-type, language, dates or other)");
            }
            if (blank(c.include()) && blank(c.exclude())) {
                out.add(where + ": give the include wording, the exclude wording or both");
            }
        }
        List<StageName> seen = new ArrayList<>();
        for (int i = 0; i < stages.size(); i++) {
            StageRules s = stages.get(i);
            String where = "stages[" + (i + 1) + "]";
            if (s.name() == null) {
                out.add(where + ".name: missing (title-abstract or full-text)");
            } else if (seen.contains(s.name())) {
                out.add(where + ".name: stage '" + s.name().label() + "' is given twice");
            } else {
                seen.add(s.name());
            }
            if (s.reviewersPerRecord() < 1 || s.reviewersPerRecord() > 10) {
                out.add(where + ".reviewersPerRecord: expected 1 to 10, found " + s.reviewersPerRecord());
            }
            if (!s.assignment().equals("all") && !s.assignment().equals("pool")) {
                out.add(where + ".assignment: expected 'all' or 'pool', found '" + s.assignment() + "'");
            }
            if (s.exclusionReasons().stream().anyMatch(Protocol::blank)) {
                out.add(where + ".exclusionReasons: a reason is blank");
            }
        }
        if (stoppingRule != null) {
            if (blank(stoppingRule.name())) {
                out.add("stoppingRule.name: missing");
            }
            // written so that NaN fails too (every comparison with NaN is false)
            if (stoppingRule.targetRecall() == null || !(stoppingRule.targetRecall() > 0 && stoppingRule.targetRecall() <= 1)) {
                out.add("stoppingRule.targetRecall: expected a number in (0, 1], e.g. 0.95");
            }
            if (stoppingRule.confidence() == null || !(stoppingRule.confidence() > 0 && stoppingRule.confidence() < 1)) {
                out.add("stoppingRule.confidence: expected a number in (0, 1), e.g. 0.95");
            }
        }
        return out;
    }

    private static boolean blank(String s) {
        return s == null || s.isBlank();
    }
}

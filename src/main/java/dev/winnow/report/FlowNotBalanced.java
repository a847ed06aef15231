package dev.winnow.report;

import dev.winnow.UserError;
import dev.winnow.report.flow.Violation;
import java.util.List;
import java.util.stream.Collectors;

/** The PRISMA numbers do not add up: the diagram is not drawn, and the message lists why. */
public final class FlowNotBalanced extends UserError {
    private final List<Violation> violations;

    public FlowNotBalanced(List<Violation> violations) {
        super("the PRISMA numbers do not add up, so no diagram was drawn:\n"
                + violations.stream().map(v -> "  - " + v).collect(Collectors.joining("\n")));
        this.violations = List.copyOf(violations);
    }

    public List<Violation> violations() {
        return violations;
    }
}

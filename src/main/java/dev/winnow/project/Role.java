package dev.winnow.project;

import dev.winnow.UserError;
import java.util.Locale;

/**
 * What a member may do in one project. Viewers read; reviewers also screen and resolve;
 * owners also manage the team, sources, imports and protocol.
 */
public enum Role {
    VIEWER, REVIEWER, OWNER;

    public String label() {
        return name().toLowerCase(Locale.ROOT);
    }

    /** Whether this role includes everything {@code other} may do. */
    public boolean atLeast(Role other) {
        return compareTo(other) >= 0;
    }

    public static Role parse(String s) {
        if (s != null) {
            for (Role r : values()) {
                if (r.label().equalsIgnoreCase(s.strip())) {
                    return r;
                }
            }
        }
        throw new UserError("'" + s + "' is not a role: owner, reviewer or viewer");
    }
}

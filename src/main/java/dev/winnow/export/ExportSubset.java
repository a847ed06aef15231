package dev.winnow.export;

import dev.winnow.UserError;
import dev.winnow.screen.Outcome;
import dev.winnow.screen.StageName;
import java.util.ArrayList;
import java.util.EnumSet;
import java.util.List;
import java.util.Locale;
import java.util.Set;

/**
 * Which of a project's records an export holds, as written on the command line and in the URL:
 * {@code all}, {@code records}, {@code included[:STAGE]}, {@code excluded[:STAGE]},
 * {@code conflict[:STAGE]}, {@code undecided[:STAGE]}, {@code source:NAME-OR-ID},
 * {@code file:NAME-OR-ID}, {@code ids:1,2,3}. The stage defaults to full text.
 *
 * @param kind     what to select
 * @param stage    the screening stage, for the outcome kinds (else null)
 * @param selector the source or import file's name or id, for {@code source:} and {@code file:} (else null)
 * @param ids      the study ids, for {@code ids:} (else empty)
 */
public record ExportSubset(Kind kind, StageName stage, String selector, List<Long> ids) {

    /** The kinds of subset. Outcome kinds select study records by their derived outcome at a stage. */
    public enum Kind {
        /** Every study record (deduplicated). */
        ALL("all", null),
        /** Every source record as imported (before deduplication). */
        RECORDS("records", null),
        INCLUDED("included", EnumSet.of(Outcome.Status.INCLUDED)),
        EXCLUDED("excluded", EnumSet.of(Outcome.Status.EXCLUDED)),
        CONFLICT("conflict", EnumSet.of(Outcome.Status.CONFLICT)),
        /** Nobody decided yet, or fewer reviewers than the stage needs. */
        UNDECIDED("undecided", EnumSet.of(Outcome.Status.PENDING, Outcome.Status.AWAITING_REVIEWER)),
        /** The source records of one source (database, register, other method), as imported. */
        SOURCE("source", null),
        /** The source records of one imported file, as imported. */
        FILE("file", null),
        /** Study records by id. */
        IDS("ids", null);

        final String label;
        final Set<Outcome.Status> statuses;

        Kind(String label, Set<Outcome.Status> statuses) {
            this.label = label;
            this.statuses = statuses;
        }

        public boolean byOutcome() {
            return statuses != null;
        }

        public String label() {
            return label;
        }
    }

    /** What {@link #parse} accepts, for error messages and help. */
    public static final String SYNTAX = "all, records, included[:STAGE], excluded[:STAGE], conflict[:STAGE], "
            + "undecided[:STAGE] (STAGE: title-abstract or full-text, default full-text), source:NAME-OR-ID, "
            + "file:NAME-OR-ID, ids:1,2,3";

    public ExportSubset {
        ids = ids == null ? List.of() : List.copyOf(ids);
    }

    public static ExportSubset parse(String text) {
        String t = text == null ? "" : text.strip();
        int colon = t.indexOf(':');
        String head = (colon < 0 ? t : t.substring(0, colon)).strip().toLowerCase(Locale.ROOT);
        String rest = colon < 0 ? null : t.substring(colon + 1).strip();
        Kind kind = null;
        for (Kind k : Kind.values()) {
            if (k.label.equals(head)) {
                kind = k;
            }
        }
        if (kind == null) {
            throw new UserError("unknown subset '" + t + "': expected " + SYNTAX);
        }
        if (kind.byOutcome()) {
            StageName stage = rest == null || rest.isEmpty() ? StageName.FULL_TEXT : StageName.parse(rest);
            return new ExportSubset(kind, stage, null, List.of());
        }
        switch (kind) {
            case SOURCE, FILE -> {
                if (rest == null || rest.isEmpty()) {
                    throw new UserError("subset '" + t + "' needs a name or id: " + kind.label + ":NAME-OR-ID");
                }
                return new ExportSubset(kind, null, rest, List.of());
            }
            case IDS -> {
                return new ExportSubset(kind, null, null, ids(t, rest));
            }
            default -> {
                if (rest != null) {
                    throw new UserError("subset '" + kind.label + "' takes no ':' part; expected " + SYNTAX);
                }
                return new ExportSubset(kind, null, null, List.of());
            }
        }
    }

    private static List<Long> ids(String text, String rest) {
        List<Long> out = new ArrayList<>();
        for (String part : (rest == null ? "" : rest).split("[,\\s]+")) {
            if (part.isEmpty()) {
                continue;
            }
            try {
                out.add(Long.parseLong(part));
            } catch (NumberFormatException e) {
                throw new UserError("subset '" + text + "': '" + part + "' is not a record id; expected ids:1,2,3");
            }
        }
        if (out.isEmpty()) {
            throw new UserError("subset '" + text + "' names no record: expected ids:1,2,3");
        }
        return out;
    }

    /** The subset as {@link #parse} reads it back ({@code included:full-text}, {@code source:MEDLINE}). */
    public String label() {
        if (kind.byOutcome()) {
            return kind.label + ":" + stage.label();
        }
        return switch (kind) {
            case SOURCE, FILE -> kind.label + ":" + selector;
            case IDS -> kind.label + ":" + String.join(",", ids.stream().map(String::valueOf).toList());
            default -> kind.label;
        };
    }

    /** A part of a file name: the label with anything but letters, digits, '-' and '.' made '-'. */
    String slug() {
        String s = label().replace(':', '-').replaceAll("[^A-Za-z0-9.-]+", "-").replaceAll("-{2,}", "-");
        s = s.replaceAll("^-|-$", "");
        return s.length() > 60 ? s.substring(0, 60) : s;
    }
}

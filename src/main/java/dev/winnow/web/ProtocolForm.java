package dev.winnow.web;

import dev.winnow.UserError;
import dev.winnow.protocol.Criterion;
import dev.winnow.protocol.Element;
import dev.winnow.protocol.Protocol;
import dev.winnow.protocol.StageRules;
import dev.winnow.protocol.StoppingRule;
import dev.winnow.screen.StageName;
import io.javalin.http.Context;
import java.util.ArrayList;
import java.util.Arrays;
import java.util.List;

/**
 * The protocol as the structured editor shows it: every value as the text in its input, so a form
 * sent back with a mistake is shown again exactly as typed. {@link #of} fills it from a protocol,
 * {@link #from} from a posted form, {@link #toProtocol} turns it back (a bad value is a
 * {@link UserError} naming the field). Criteria rows left blank are dropped; two blank rows are
 * offered for new criteria.
 */
public record ProtocolForm(String title, String question, List<CriterionRow> criteria, List<StageRow> stages,
                           String stopName, String stopRecall, String stopConfidence) {
    static final int MAX_CRITERIA = 100;
    static final int BLANK_ROWS = 2;

    /** One criterion's inputs; keywords comma-separated. */
    public record CriterionRow(String id, String element, String include, String exclude, String keywords) {
        boolean blank() {
            return id.isBlank() && include.isBlank() && exclude.isBlank() && keywords.isBlank();
        }
    }

    /** One stage's inputs; exclusion reasons one per line. Resolvers are kept as saved (edit them in the YAML). */
    public record StageRow(String stage, String reviewers, boolean blinded, String assignment, String reasons) {
    }

    public static List<String> elements() {
        return Arrays.stream(Element.values()).map(Element::label).toList();
    }

    public static ProtocolForm of(Protocol p) {
        List<CriterionRow> rows = new ArrayList<>();
        for (Criterion c : p.criteria()) {
            rows.add(new CriterionRow(c.id(), c.element() == null ? "" : c.element().label(), nz(c.include()),
                    nz(c.exclude()), String.join(", ", c.keywords())));
        }
        List<StageRow> stages = new ArrayList<>();
        for (StageName s : StageName.values()) {
            StageRules r = p.rules(s);
            stages.add(new StageRow(s.label(), String.valueOf(r.reviewersPerRecord()), r.blinded(), r.assignment(),
                    String.join("\n", r.exclusionReasons())));
        }
        StoppingRule stop = p.stoppingRule();
        return new ProtocolForm(nz(p.title()), nz(p.question()), withBlankRows(rows), stages,
                stop == null ? "" : nz(stop.name()),
                stop == null || stop.targetRecall() == null ? "" : String.valueOf(stop.targetRecall()),
                stop == null || stop.confidence() == null ? "" : String.valueOf(stop.confidence()));
    }

    public static ProtocolForm from(Context ctx) {
        List<CriterionRow> rows = new ArrayList<>();
        for (int i = 0; i < MAX_CRITERIA && ctx.formParam("c." + i + ".id") != null; i++) {
            String p = "c." + i + ".";
            rows.add(new CriterionRow(param(ctx, p + "id"), param(ctx, p + "element"), param(ctx, p + "include"),
                    param(ctx, p + "exclude"), param(ctx, p + "keywords")));
        }
        List<StageRow> stages = new ArrayList<>();
        for (StageName s : StageName.values()) {
            String p = "s." + s.label() + ".";
            stages.add(new StageRow(s.label(), param(ctx, p + "reviewers"), "on".equals(ctx.formParam(p + "blinded")),
                    param(ctx, p + "assignment"), param(ctx, p + "reasons")));
        }
        rows.removeIf(CriterionRow::blank);
        return new ProtocolForm(param(ctx, "title"), param(ctx, "question"), withBlankRows(rows), stages,
                param(ctx, "stop.name"), param(ctx, "stop.recall"), param(ctx, "stop.confidence"));
    }

    /** The protocol these inputs describe, keeping what the form does not show (resolvers) from {@code current}. */
    public Protocol toProtocol(Protocol current) {
        List<Criterion> cs = new ArrayList<>();
        for (int i = 0; i < criteria.size(); i++) {
            CriterionRow r = criteria.get(i);
            if (r.blank()) {
                continue;
            }
            Element element;
            try {
                element = r.element().isBlank() ? null : Element.parse(r.element());
            } catch (IllegalArgumentException e) {
                throw new UserError("criterion " + (i + 1) + ": " + e.getMessage());
            }
            List<String> keywords = Arrays.stream(r.keywords().split(",")).map(String::strip).filter(k -> !k.isEmpty())
                    .toList();
            cs.add(new Criterion(r.id().strip(), element, blankToNull(r.include()), blankToNull(r.exclude()), keywords));
        }
        List<StageRules> rules = new ArrayList<>();
        for (StageRow s : stages) {
            StageName name = StageName.parse(s.stage());
            int reviewers;
            try {
                reviewers = Integer.parseInt(s.reviewers().strip());
            } catch (NumberFormatException e) {
                throw new UserError(name.label() + ": reviewers per record: expected a whole number from 1 to 10, found '"
                        + s.reviewers() + "'");
            }
            List<String> reasons = s.reasons().lines().map(String::strip).filter(x -> !x.isEmpty()).toList();
            rules.add(new StageRules(name, reviewers, s.blinded(), s.assignment().isBlank() ? null : s.assignment().strip(),
                    current.rules(name).resolvers(), reasons));
        }
        StoppingRule stop = stopName.isBlank() ? null
                : new StoppingRule(stopName.strip(), number("stopping rule: target recall", stopRecall),
                number("stopping rule: confidence", stopConfidence));
        return new Protocol(blankToNull(title), blankToNull(question), cs, rules, stop);
    }

    private static Double number(String what, String text) {
        if (text.isBlank()) {
            return null;
        }
        try {
            return Double.parseDouble(text.strip());
        } catch (NumberFormatException e) {
            throw new UserError(what + ": expected a number between 0 and 1 such as 0.95, found '" + text + "'");
        }
    }

    private static List<CriterionRow> withBlankRows(List<CriterionRow> rows) {
        List<CriterionRow> out = new ArrayList<>(rows);
        for (int i = 0; i < BLANK_ROWS; i++) {
            out.add(new CriterionRow("", "", "", "", ""));
        }
        return out;
    }

    private static String param(Context ctx, String name) {
        String v = ctx.formParam(name);
        return v == null ? "" : v;
    }

    private static String nz(String s) {
        return s == null ? "" : s;
    }

    private static String blankToNull(String s) {
        return s == null || s.isBlank() ? null : s.strip();
    }
}

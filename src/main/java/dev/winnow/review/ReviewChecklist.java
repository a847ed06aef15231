package dev.winnow.review;

import dev.winnow.review.ReviewFacts.StageFacts;
import dev.winnow.review.Step.State;
import java.util.ArrayList;
import java.util.List;
import java.util.Optional;

/**
 * A review's steps as a checklist (sources imported, duplicates resolved, protocol set, team,
 * pilot agreement, screening per stage, full texts retrieved, charting, report), and the named
 * problems that stop it — computed from {@link ReviewFacts} alone (no I/O). The overview page and
 * {@code winnow status} both print it.
 */
public final class ReviewChecklist {
    public static final String TITLE_ABSTRACT = "title-abstract";
    public static final String FULL_TEXT = "full-text";

    private ReviewChecklist() {
    }

    /** The steps in the order a review takes them. */
    public static List<Step> steps(ReviewFacts f) {
        List<Step> out = new ArrayList<>();
        out.add(sources(f));
        out.add(dedup(f));
        out.add(protocol(f));
        out.add(team(f));
        out.add(pilot(f));
        for (StageFacts s : f.stages()) {
            out.add(screening(f, s));
        }
        out.add(fullTexts(f));
        out.add(charting(f));
        out.add(report(f));
        return out;
    }

    /** The project-level problems, worst first (an empty project hides the ones that follow from it). */
    public static List<Problem> problems(ReviewFacts f) {
        List<Problem> out = new ArrayList<>();
        empty(f).ifPresent(out::add);
        awaitingDedup(f).ifPresent(out::add);
        noCriteria(f).ifPresent(out::add);
        // one line for the team: the stage that wants the most reviewers per record
        f.stages().stream().max(java.util.Comparator.comparingInt(StageFacts::reviewersPerRecord))
                .flatMap(s -> reviewers(f, s)).ifPresent(out::add);
        return out;
    }

    /**
     * What a reviewer opening a stage's queue should be told, before "nothing left to screen" means
     * anything: the project is empty, records wait for deduplication, no record reached this stage,
     * the stage lacks reviewers, the protocol has no criteria.
     */
    public static List<Problem> forScreening(ReviewFacts f, String stage) {
        List<Problem> out = new ArrayList<>();
        empty(f).ifPresent(out::add);
        awaitingDedup(f).ifPresent(out::add);
        StageFacts s = stage(f, stage);
        if (s != null && stage.equals(FULL_TEXT) && s.records() == 0 && f.studies() > 0) {
            out.add(new Problem("nothing-at-full-text", "No record has reached full-text screening yet: records "
                    + "come here once included at title/abstract by their reviewers (or by a resolved conflict)",
                    "screen titles and abstracts first", "/screen/" + TITLE_ABSTRACT, ""));
        }
        if (s != null) {
            reviewers(f, s).ifPresent(out::add);
        }
        noCriteria(f).ifPresent(out::add);
        return out;
    }

    // ------------------------------------------------------------------ problems

    /**
     * Whether screening still lies ahead: nothing screened yet, records waiting for deduplication,
     * studies not yet at title/abstract, a stage with records without a final outcome (or outcomes
     * hidden from this viewer), or title/abstract inclusions not yet at full text.
     */
    static boolean screeningLeft(ReviewFacts f) {
        StageFacts ta = stage(f, TITLE_ABSTRACT);
        StageFacts ft = stage(f, FULL_TEXT);
        if (f.awaitingDedup() > 0 || ta == null || ta.records() == 0 || ta.records() < f.studies()) {
            return true;
        }
        if (ta.included() > 0 && (ft == null || ft.records() < ta.included())) {
            return true;
        }
        return f.stages().stream().anyMatch(x -> x.decided() < x.records() || x.blinded() > 0);
    }

    private static Optional<Problem> empty(ReviewFacts f) {
        if (f.sourceRecords() > 0) {
            return Optional.empty();
        }
        return Optional.of(new Problem("empty-project", "This project has no records yet",
                "import your search results on the Sources page", "/sources",
                "winnow import --project " + f.projectKey() + " --source NAME FILE"));
    }

    private static Optional<Problem> awaitingDedup(ReviewFacts f) {
        if (f.awaitingDedup() == 0) {
            return Optional.empty();
        }
        return Optional.of(new Problem("awaiting-dedup", count(f.awaitingDedup(), "record") + " "
                + (f.awaitingDedup() == 1 ? "is" : "are") + " waiting for deduplication and cannot be screened yet",
                "deduplicate now on the Duplicates page", "/dedup", "winnow dedup --project " + f.projectKey()));
    }

    private static Optional<Problem> noCriteria(ReviewFacts f) {
        if (f.criteria() > 0) {
            return Optional.empty();
        }
        String which = f.protocolVersion() == 0 ? "No protocol has been saved yet, so there are no eligibility "
                + "criteria" : "The protocol (version " + f.protocolVersion() + ") has no eligibility criteria";
        return Optional.of(new Problem("no-criteria", which + ": reviewers screen without a checklist",
                "set the criteria on the Protocol page", "/protocol",
                "winnow protocol import --project " + f.projectKey() + " protocol.yaml"));
    }

    private static Optional<Problem> reviewers(ReviewFacts f, StageFacts s) {
        int need = s.reviewersPerRecord();
        if (f.screeners() >= need || !screeningLeft(f)) {
            return Optional.empty();
        }
        String grant = "winnow user grant NAME --project " + f.projectKey() + " --role reviewer";
        if (f.screeners() == 0) {
            return Optional.of(new Problem("no-reviewers", "No reviewers: nobody in the team may screen (owners and "
                    + "reviewers may)", "invite reviewers on the Team page", "/team", grant));
        }
        return Optional.of(new Problem("few-reviewers", s.stage() + " needs " + need + " reviewers per record but "
                + "the team has " + f.screeners() + " who may screen: no record can reach an outcome without "
                + (need - f.screeners() == 1 ? "another reviewer" : (need - f.screeners()) + " more reviewers"),
                "invite reviewers on the Team page, or ask for fewer reviewers per record in the protocol", "/team",
                grant));
    }

    // ------------------------------------------------------------------ steps

    private static Step sources(ReviewFacts f) {
        if (f.sourceRecords() == 0) {
            return new Step("sources", "Sources imported", State.TODO, "No records imported yet",
                    "Import your search results (RIS, MEDLINE, CSV, …) on the Sources page", "/sources",
                    "winnow import --project " + f.projectKey() + " --source NAME FILE");
        }
        return new Step("sources", "Sources imported", State.DONE, count(f.sourceRecords(), "record") + " from "
                + count(f.importFiles(), "file") + " in " + count(f.sources(), "source"),
                "Import more when a search is updated", "/sources", "");
    }

    private static Step dedup(ReviewFacts f) {
        String page = "/dedup";
        String cmd = "winnow dedup --project " + f.projectKey();
        if (f.sourceRecords() == 0) {
            return new Step("dedup", "Duplicates resolved", State.TODO, "Nothing to deduplicate until records are "
                    + "imported (imports deduplicate as they go)", "", page, "");
        }
        String figures = count(f.sourceRecords() - f.awaitingDedup(), "record") + " → " + count(f.studies(), "study")
                + " (" + count(f.sourceRecords() - f.awaitingDedup() - f.studies(), "duplicate") + " linked)";
        if (f.awaitingDedup() > 0) {
            return new Step("dedup", "Duplicates resolved", State.BLOCKED, count(f.awaitingDedup(), "record") + " "
                    + (f.awaitingDedup() == 1 ? "is" : "are") + " waiting for deduplication; " + figures,
                    "Deduplicate now", page, cmd);
        }
        if (f.openMaybes() > 0) {
            return new Step("dedup", "Duplicates resolved", State.IN_PROGRESS, figures + "; "
                    + count(f.openMaybes(), "possible duplicate pair") + " for a person to check (screening "
                    + "can go on meanwhile)", "Merge or keep apart each pair", page, "");
        }
        return new Step("dedup", "Duplicates resolved", State.DONE, figures, "", page, "");
    }

    private static Step protocol(ReviewFacts f) {
        String cmd = "winnow protocol import --project " + f.projectKey() + " protocol.yaml";
        if (f.protocolVersion() == 0) {
            return new Step("protocol", "Protocol set", State.TODO, "No protocol saved yet: no criteria, default "
                    + "rules (2 reviewers per record, blinded)", "Write the question and eligibility criteria",
                    "/protocol", cmd);
        }
        if (f.criteria() == 0) {
            return new Step("protocol", "Protocol set", State.BLOCKED, "Version " + f.protocolVersion()
                    + " has no eligibility criteria", "Add the criteria reviewers screen against", "/protocol", cmd);
        }
        return new Step("protocol", "Protocol set", State.DONE, "Version " + f.protocolVersion() + ": "
                + count(f.criteria(), "criterion", "criteria") + (f.questionSet() ? ", question set" : ", no question yet"),
                "", "/protocol", "");
    }

    private static Step team(ReviewFacts f) {
        int need = f.stages().stream().mapToInt(StageFacts::reviewersPerRecord).max().orElse(1);
        String cmd = "winnow user grant NAME --project " + f.projectKey() + " --role reviewer";
        String who = count(f.screeners(), "person", "people") + " may screen (" + count(f.reviewers(), "reviewer")
                + ")";
        if (f.screeners() < need && !screeningLeft(f)) {
            // outcomes were replayed or screened by people since removed: nobody is needed now
            return new Step("team", "Reviewers invited", State.OPTIONAL, (f.screeners() == 0 ? "No reviewers"
                    : who) + "; no record waits for a screening decision", "", "/team", "");
        }
        if (f.screeners() == 0) {
            return new Step("team", "Reviewers invited", State.BLOCKED, "No reviewers: nobody may screen yet",
                    "Invite reviewers", "/team", cmd);
        }
        if (f.screeners() < need) {
            return new Step("team", "Reviewers invited", State.BLOCKED, who + "; the protocol wants " + need
                    + " reviewers per record", "Invite " + (need - f.screeners()) + " more", "/team", cmd);
        }
        return new Step("team", "Reviewers invited", State.DONE, who, "", "/team", "");
    }

    private static Step pilot(ReviewFacts f) {
        ReviewFacts.Pilot p = f.pilot();
        String cmd = "winnow screen pilot start --project " + f.projectKey() + " --reviewer NAME --size 20";
        if (p.rounds() == 0 && !screeningLeft(f)) {
            return new Step("pilot", "Pilot agreement", State.OPTIONAL, "No pilot round (optional)", "",
                    "/screen/" + TITLE_ABSTRACT, "");
        }
        if (p.rounds() == 0) {
            return new Step("pilot", "Pilot agreement", State.OPTIONAL, "No pilot round (optional): the team can "
                    + "calibrate on a small sample before screening", "", "/screen/" + TITLE_ABSTRACT, cmd);
        }
        if (p.open()) {
            return new Step("pilot", "Pilot agreement", State.IN_PROGRESS, "Pilot round " + p.rounds()
                    + " is open: each reviewer screens its sample first", "Screen the pilot sample",
                    "/screen/" + TITLE_ABSTRACT, "");
        }
        String agreement = p.lastPercent() == null ? "no agreement computed (no record decided by two reviewers)"
                : percent(p.lastPercent()) + " agreement (target " + percent(p.lastTarget()) + ")";
        boolean met = Boolean.TRUE.equals(p.lastMet());
        return new Step("pilot", "Pilot agreement", met ? State.DONE : State.IN_PROGRESS, "Round " + p.rounds() + ": "
                + agreement + (met ? ", met" : ", not met"), met ? "" : "Discuss the criteria, then run another round",
                "/screen/" + TITLE_ABSTRACT, met ? "" : cmd);
    }

    private static Step screening(ReviewFacts f, StageFacts s) {
        String id = "screen-" + s.stage();
        String title = "Screening: " + s.stage();
        String page = "/screen/" + s.stage();
        if (s.records() == 0) {
            if (s.stage().equals(TITLE_ABSTRACT)) {
                return new Step(id, title, f.awaitingDedup() > 0 ? State.BLOCKED : State.TODO,
                        f.awaitingDedup() > 0 ? "Nothing to screen until the " + count(f.awaitingDedup(), "record")
                                + " waiting for deduplication are deduplicated"
                                : "Nothing to screen until records are imported", "", "/sources", "");
            }
            StageFacts ta = stage(f, TITLE_ABSTRACT);
            long open = ta == null ? 0 : ta.records() - ta.decided();
            return new Step(id, title, State.TODO, "No record here yet: records come once included at title/abstract"
                    + (open > 0 ? " (" + count(open, "record") + " there without a final outcome)" : ""), "", page, "");
        }
        StringBuilder b = new StringBuilder();
        b.append(s.decided()).append(" of ").append(count(s.records(), "record")).append(" have a final outcome");
        if (s.blinded() > 0) {
            b.append(" (").append(s.blinded()).append(" hidden by blinding)");
        } else {
            b.append(" (").append(s.included()).append(" included, ").append(s.excluded()).append(" excluded)");
        }
        if (s.conflicts() > 0) {
            b.append("; ").append(count(s.conflicts(), "conflict")).append(" to resolve");
        }
        if (!s.perReviewer().isEmpty()) {
            b.append("; by reviewer: ");
            for (int i = 0; i < s.perReviewer().size(); i++) {
                ReviewFacts.ReviewerCount r = s.perReviewer().get(i);
                b.append(i == 0 ? "" : ", ").append(r.username()).append(' ').append(r.records());
            }
        } else if (s.decided() == 0 && s.conflicts() == 0) {
            b.append("; no decision yet");
        }
        State state = s.decided() == s.records() ? State.DONE
                : s.perReviewer().isEmpty() && s.conflicts() == 0 ? State.TODO : State.IN_PROGRESS;
        if (state != State.DONE && f.screeners() < s.reviewersPerRecord()) {
            state = State.BLOCKED;
        }
        String next = state == State.DONE ? "" : s.conflicts() > 0 && s.pending() + s.awaitingReviewer() == 0
                ? "Resolve the conflicts" : "Screen the next record";
        return new Step(id, title, state, b.toString(), next,
                s.conflicts() > 0 && s.pending() + s.awaitingReviewer() == 0 ? "/conflicts/" + s.stage() : page, "");
    }

    private static Step fullTexts(ReviewFacts f) {
        ReviewFacts.FullTexts t = f.fullTexts();
        if (t.needed() == 0) {
            return new Step("full-texts", "Full texts retrieved", State.TODO, "None needed yet: records included at "
                    + "title/abstract need their full text", "", "/full-text", "");
        }
        long open = t.needed() - t.retrieved() - t.notRetrieved();
        return new Step("full-texts", "Full texts retrieved", open == 0 ? State.DONE : State.IN_PROGRESS,
                t.retrieved() + " of " + count(t.needed(), "full text") + " retrieved" + (t.notRetrieved() > 0 ? ", "
                + t.notRetrieved() + " not retrievable" : ""), open == 0 ? "" : "Upload the PDFs or mark them not "
                + "retrieved (" + open + " left)", "/full-text", "");
    }

    private static Step charting(ReviewFacts f) {
        ReviewFacts.Charting c = f.charting();
        String cmd = "winnow chart form import --project " + f.projectKey() + " --template jbi-basic";
        if (!c.form()) {
            return new Step("charting", "Charting done", State.TODO, "No charting form yet"
                    + (c.toChart() > 0 ? " (" + count(c.toChart(), "study") + " to chart)" : ""),
                    "Choose or write a charting form", "/chart", cmd);
        }
        if (c.toChart() == 0) {
            return new Step("charting", "Charting done", State.TODO, "Form set; no study included at full text yet",
                    "", "/chart", "");
        }
        return new Step("charting", "Charting done", c.charted() >= c.toChart() ? State.DONE : State.IN_PROGRESS,
                c.charted() + " of " + count(c.toChart(), "included study", "included studies") + " charted",
                c.charted() >= c.toChart() ? "" : "Chart the next study", "/chart", "");
    }

    private static Step report(ReviewFacts f) {
        boolean screened = f.studies() > 0 && f.stages().stream().allMatch(s -> s.decided() == s.records());
        if (f.report().consistent() && screened) {
            return new Step("report", "Report ready", State.DONE, "The PRISMA flow diagram adds up",
                    "Download the diagram and the checklist", "/reports",
                    "winnow report prisma --project " + f.projectKey() + " --format svg -o prisma.svg");
        }
        String why = f.studies() == 0 ? "no records yet" : !screened ? "screening is not finished"
                : f.report().problem() != null ? f.report().problem() : "the flow diagram does not add up";
        return new Step("report", "Report ready", State.TODO, "Not yet: " + why, "", "/reports", "");
    }

    // ------------------------------------------------------------------ words

    private static StageFacts stage(ReviewFacts f, String name) {
        return f.stages().stream().filter(s -> s.stage().equals(name)).findFirst().orElse(null);
    }

    static String count(long n, String noun) {
        return count(n, noun, noun.endsWith("y") && !noun.endsWith("ey") ? noun.substring(0, noun.length() - 1) + "ies"
                : noun + "s");
    }

    static String count(long n, String one, String many) {
        return String.format(java.util.Locale.ROOT, "%,d", n) + " " + (n == 1 ? one : many);
    }

    private static String percent(Double share) {
        return share == null ? "?" : Math.round(share * 100) + "%";
    }
}

package dev.winnow.report;

import dev.winnow.project.Project;
import dev.winnow.project.ProjectKind;
import dev.winnow.record.Author;
import dev.winnow.record.Record;
import dev.winnow.screen.Verdict;
import dev.winnow.store.AuditStore;
import dev.winnow.store.Clock;
import dev.winnow.store.Database;
import dev.winnow.store.DecisionStore;
import dev.winnow.store.ProjectStore;
import dev.winnow.store.RecordJson;
import dev.winnow.store.StageStore;
import dev.winnow.store.StudyStore;
import dev.winnow.store.UserStore;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import org.jdbi.v3.core.Handle;

/**
 * A small review built row by row in the V1 tables, with every stage the report reads:
 * MEDLINE (5 records) and CINAHL (4) with 2 duplicates, one citation-searching find, title/abstract
 * decisions by two reviewers (agreement, a resolved conflict, a stopping-rule exclusion), full-text
 * retrieval and decisions, a related pair of reports, a protocol, a charting form and audit events.
 *
 * <p>Expected flow: databases 9 (5 + 4), duplicates 2, screened 7, excluded 4 (3 by reviewers, 1 by
 * the stopping rule), sought 3, not retrieved 1, assessed 2, excluded 1 (Wrong population);
 * other methods: citation searching 1, sought 1, assessed 1; 2 reports of 1 study included.
 */
public final class ReportFixture {
    private ReportFixture() {
    }

    public record Built(Project project, List<Long> studies, long taStage, long ftStage, long ana, long ben) {
    }

    public static Built build(Database db, String key) {
        return db.inTransaction(h -> build(h, key));
    }

    static Built build(Handle h, String key) {
        Project p = ProjectStore.insert(h, key, "Early palliative care <models> & \"GP\" roles", ProjectKind.SCOPING,
                "fixture");
        long ana = UserStore.ensure(h, "ana-" + key).id();
        long ben = UserStore.ensure(h, "ben-" + key).id();
        UserStore.addMember(h, p.id(), ana, "owner");
        UserStore.addMember(h, p.id(), ben, "reviewer");
        h.createUpdate("insert into protocol_version (project_id, version, body, created_at, created_by) "
                        + "values (:p, 1, :b, :now, :u)")
                .bind("p", p.id()).bind("b", """
                        question: What models of early palliative care are shared by general practice and oncology?
                        population: Adults (18+) with cancer
                        concept: Early, integrated palliative care models
                        context: Primary care and oncology
                        inclusion:
                          - An explicit model of early palliative care
                          - Professionals from both primary care and oncology
                        exclusion:
                          - Wrong population
                          - Not a care model
                        """).bind("now", Clock.now()).bind("u", ana).execute();

        long medline = source(h, p.id(), "MEDLINE", "Ovid", "database", null,
                "exp Neoplasms/ AND exp Palliative Care/ AND (general practi* OR primary care).ti,ab.", "2023-04-20");
        long cinahl = source(h, p.id(), "CINAHL", "EBSCO", "database", null,
                "(MH \"Neoplasms+\") AND (MH \"Palliative Care\")", "2023-04-21");
        long refs = source(h, p.id(), "Reference lists", "", "other", "citation searching", null, "2023-05-02");
        List<Long> records = new ArrayList<>();
        records.addAll(records(h, p.id(), medline, "medline.ris", 5, 0));
        records.addAll(records(h, p.id(), cinahl, "cinahl.ris", 4, 5));
        records.addAll(records(h, p.id(), refs, null, 1, 9));

        List<Long> studies = new ArrayList<>();
        for (int i = 0; i < 8; i++) {
            studies.add(StudyStore.insert(h, p.id(), record(i)).id());
        }
        // MEDLINE r0..r4 → s0..s4; CINAHL r5 → s0, r6 → s1 (duplicates), r7 → s5, r8 → s6; reference list r9 → s7
        int[] target = {0, 1, 2, 3, 4, 0, 1, 5, 6, 7};
        for (int i = 0; i < target.length; i++) {
            h.createUpdate("insert into study_link (source_record_id, study_id, rule, evidence, linked_at) "
                            + "values (:r, :s, :rule, null, :now)")
                    .bind("r", records.get(i)).bind("s", studies.get(target[i]))
                    .bind("rule", i == 5 || i == 6 ? "doi" : "unique").bind("now", Clock.now()).execute();
        }
        // s0 (MEDLINE) and s7 (reference list) are two reports of one study
        h.createUpdate("insert into dedup_pair (project_id, record_a, record_b, relation, rule, status, created_at) "
                        + "values (:p, :a, :b, 'related', 'same-trial', 'related', :now)")
                .bind("p", p.id()).bind("a", records.get(0)).bind("b", records.get(9)).bind("now", Clock.now()).execute();

        long ta = StageStore.ensure(h, p.id(), "title-abstract").id();
        long ft = StageStore.ensure(h, p.id(), "full-text").id();
        decide(h, ta, studies.get(0), ana, Verdict.INCLUDE);
        decide(h, ta, studies.get(0), ben, Verdict.INCLUDE);
        decide(h, ta, studies.get(1), ana, Verdict.INCLUDE);
        decide(h, ta, studies.get(1), ben, Verdict.INCLUDE);
        decide(h, ta, studies.get(2), ana, Verdict.EXCLUDE);
        decide(h, ta, studies.get(2), ana, Verdict.INCLUDE); // a change of mind: the newest counts
        decide(h, ta, studies.get(2), ben, Verdict.INCLUDE);
        decide(h, ta, studies.get(3), ana, Verdict.EXCLUDE);
        decide(h, ta, studies.get(3), ben, Verdict.EXCLUDE);
        decide(h, ta, studies.get(4), ana, Verdict.INCLUDE);
        decide(h, ta, studies.get(4), ben, Verdict.EXCLUDE);
        resolve(h, ta, studies.get(4), ana, "exclude", "consensus", null);
        decide(h, ta, studies.get(5), ana, Verdict.EXCLUDE);
        decide(h, ta, studies.get(5), ben, Verdict.EXCLUDE);
        resolve(h, ta, studies.get(6), null, "exclude", "stopping-rule", null);

        fullText(h, p.id(), studies.get(0), "sought");
        fullText(h, p.id(), studies.get(0), "retrieved");
        fullText(h, p.id(), studies.get(1), "retrieved");
        fullText(h, p.id(), studies.get(2), "not-retrieved");
        fullText(h, p.id(), studies.get(7), "retrieved");
        decide(h, ft, studies.get(0), ana, Verdict.INCLUDE);
        decide(h, ft, studies.get(0), ben, Verdict.INCLUDE);
        DecisionStore.append(h, new DecisionStore.NewDecision(ft, studies.get(1), ana, Verdict.EXCLUDE,
                List.of("Wrong population"), Map.of(), null, 30, "screen", null, null));
        DecisionStore.append(h, new DecisionStore.NewDecision(ft, studies.get(1), ben, Verdict.EXCLUDE,
                List.of("Wrong population", "Not a care model"), Map.of(), null, 41, "screen", null, null));
        decide(h, ft, studies.get(7), ana, Verdict.INCLUDE);
        decide(h, ft, studies.get(7), ben, Verdict.INCLUDE);

        long form = h.createQuery("insert into chart_form (project_id, name, version, definition, created_at, created_by) "
                        + "values (:p, 'Model characteristics', 1, :d, :now, :u) returning id")
                .bind("p", p.id()).bind("d", "{\"fields\":[{\"name\":\"country\",\"label\":\"Country\"},"
                        + "{\"name\":\"components\",\"label\":\"Active components\"}]}")
                .bind("now", Clock.now()).bind("u", ana).mapTo(Long.class).one();
        for (long u : new long[] {ana, ben}) {
            h.createUpdate("insert into chart_entry (form_id, study_id, user_id, role, answers, created_at) "
                            + "values (:f, :s, :u, 'reviewer', :a, :now)")
                    .bind("f", form).bind("s", studies.get(0)).bind("u", u)
                    .bind("a", "{\"country\":\"Denmark\",\"components\":\"shared care plan\"}").bind("now", Clock.now())
                    .execute();
        }
        AuditStore.record(h, p.id(), ana, "ana", "import.file", "file medline.ris", Map.of("records", 5));
        AuditStore.record(h, p.id(), ana, "ana", "screen.decision", "study " + studies.get(0), null);
        return new Built(p, studies, ta, ft, ana, ben);
    }

    private static Record record(int i) {
        return Record.builder().title("Study " + i + " of early palliative care").year(2015 + i)
                .author(new Author("Jensen", "L" + i, false)).journal("BMJ Support Palliat Care")
                .doi("10.1000/fixture." + i).build();
    }

    private static long source(Handle h, long projectId, String name, String platform, String kind, String method,
                               String search, String searchedOn) {
        return h.createQuery("insert into source (project_id, name, platform, kind, other_method, search_string, "
                        + "searched_on, created_at) values (:p, :n, :pl, :k, :m, :s, :on, :now) returning id")
                .bind("p", projectId).bind("n", name).bind("pl", platform).bind("k", kind).bind("m", method)
                .bind("s", search).bind("on", searchedOn).bind("now", Clock.now()).mapTo(Long.class).one();
    }

    private static List<Long> records(Handle h, long projectId, long sourceId, String file, int n, int offset) {
        Long fileId = null;
        if (file != null) {
            fileId = h.createQuery("insert into import_file (project_id, source_id, file_name, sha256, size_bytes, "
                            + "format, encoding, record_count, imported_at) values (:p, :s, :f, :sha, :size, 'ris', "
                            + "'UTF-8', :n, :now) returning id")
                    .bind("p", projectId).bind("s", sourceId).bind("f", file)
                    .bind("sha", "%064x".formatted(file.hashCode() & 0xffffffffL)).bind("size", 1000L * n)
                    .bind("n", n).bind("now", Clock.now()).mapTo(Long.class).one();
        }
        List<Long> ids = new ArrayList<>();
        for (int i = 0; i < n; i++) {
            Record r = record(offset + i < 7 ? (offset + i < 5 ? offset + i : (offset + i == 5 ? 0 : 1)) : offset + i);
            ids.add(h.createQuery("insert into source_record (project_id, source_id, import_file_id, position, raw_text, "
                            + "fields, title, year, doi, created_at) values (:p, :s, :f, :pos, :raw, :fields, :t, :y, "
                            + ":d, :now) returning id")
                    .bind("p", projectId).bind("s", sourceId).bind("f", fileId).bind("pos", i + 1)
                    .bind("raw", "TY  - JOUR\nTI  - " + r.title() + "\nER  - ").bind("fields", RecordJson.write(r))
                    .bind("t", r.title()).bind("y", r.year()).bind("d", r.doi()).bind("now", Clock.now())
                    .mapTo(Long.class).one());
        }
        return ids;
    }

    private static void decide(Handle h, long stage, long study, long user, Verdict v) {
        DecisionStore.append(h, new DecisionStore.NewDecision(stage, study, user, v, List.of(), Map.of(), null, 10,
                "screen", null, null));
    }

    private static void resolve(Handle h, long stage, long study, Long user, String verdict, String method,
                                String reasons) {
        h.createUpdate("insert into resolution (stage_id, study_id, user_id, verdict, method, reasons, resolved_at) "
                        + "values (:s, :t, :u, :v, :m, :r, :now)")
                .bind("s", stage).bind("t", study).bind("u", user).bind("v", verdict).bind("m", method)
                .bind("r", reasons).bind("now", Clock.now()).execute();
    }

    private static void fullText(Handle h, long projectId, long study, String status) {
        h.createUpdate("insert into full_text (project_id, study_id, status, file_name, content, created_at) "
                        + "values (:p, :s, :st, :f, :c, :now)")
                .bind("p", projectId).bind("s", study).bind("st", status)
                .bind("f", "retrieved".equals(status) ? "study-" + study + ".pdf" : null)
                .bind("c", "retrieved".equals(status) ? new byte[] {'%', 'P', 'D', 'F', 0, 1, 2, (byte) 0xff} : null)
                .bind("now", Clock.now()).execute();
    }
}

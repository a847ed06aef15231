package dev.winnow.chart;

import com.fasterxml.jackson.core.type.TypeReference;
import dev.winnow.UserError;
import dev.winnow.project.Project;
import dev.winnow.record.Record;
import dev.winnow.store.AuditStore;
import dev.winnow.store.ChartStore;
import dev.winnow.store.Database;
import dev.winnow.store.Json;
import dev.winnow.store.StudyStore;
import dev.winnow.store.UserStore;
import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Objects;
import java.util.Optional;
import java.util.stream.Collectors;
import org.jdbi.v3.core.Handle;

/**
 * Charting for one project: the versioned form, reviewers' entries (blind to each other while
 * charting), field-by-field differences, consensus, and the evidence table and map built from the
 * final entries.
 */
public final class ChartService {
    public static final String REVIEWER = "reviewer";
    public static final String CONSENSUS = "consensus";
    public static final String VERIFICATION = "verification";

    private final Database db;

    public ChartService(Database db) {
        this.db = db;
    }

    /** A stored form version. */
    public record FormVersion(long id, int version, ChartingForm form) {
    }

    /**
     * Saves a form from YAML. Unchanged from the project's current version → that version; else a new
     * version (entries made with older versions keep theirs).
     */
    public FormVersion importForm(Project p, String yaml, String fileName, String actor) {
        ChartingForm form = FormYaml.read(yaml, fileName);
        String canonical = FormYaml.write(form);
        return db.inTransaction(h -> {
            Optional<ChartStore.FormRow> current = ChartStore.currentForm(h, p.id());
            if (current.isPresent() && current.get().definition().equals(canonical)) {
                return new FormVersion(current.get().id(), current.get().version(), form);
            }
            int version = ChartStore.latestVersion(h, p.id(), form.name()) + 1;
            ChartStore.FormRow row = ChartStore.insertForm(h, p.id(), form.name(), version, canonical, userId(h, actor));
            AuditStore.record(h, p.id(), userId(h, actor), actor, "chart.form.save", "form " + form.name() + " v" + version,
                    Map.of("fields", form.fields().size()));
            return new FormVersion(row.id(), version, form);
        });
    }

    public Optional<FormVersion> currentForm(Project p) {
        return db.withHandle(h -> ChartStore.currentForm(h, p.id())
                .map(r -> new FormVersion(r.id(), r.version(), FormYaml.read(r.definition(), "stored form"))));
    }

    public FormVersion requireForm(Project p) {
        return currentForm(p).orElseThrow(() -> new UserError("project " + p.key() + " has no charting form yet: "
                + "'winnow chart form import --project " + p.key() + " FILE' (or --template jbi-basic)"));
    }

    /**
     * Stores a reviewer's charting of a source with the current form. Answers are checked first:
     * every problem (missing required field, value not among the options, …) is reported at once and
     * nothing is stored.
     */
    public ChartEntry saveEntry(Project p, long studyId, String reviewer, Map<String, ?> answers,
                                Map<String, Location> locations) {
        return save(p, studyId, reviewer, REVIEWER, answers, locations, List.of());
    }

    /**
     * Records the agreed answers for a source, with who agreed them. A consensus is at least two
     * people, the one recording it among them, and everyone named must have charted the source:
     * nobody can be listed as agreeing who never took part.
     */
    public ChartEntry saveConsensus(Project p, long studyId, String recordedBy, List<String> agreedBy,
                                    Map<String, ?> answers, Map<String, Location> locations) {
        if (agreedBy == null || agreedBy.isEmpty()) {
            throw new UserError("a consensus entry needs the people who agreed it");
        }
        List<String> agreed = agreedBy.stream().map(String::strip).distinct().toList();
        if (!agreed.contains(recordedBy)) {
            throw new UserError("a consensus is recorded by one of the people who agreed it: " + recordedBy
                    + " is not among " + String.join(", ", agreed));
        }
        if (agreed.size() < 2) {
            throw new UserError("a consensus needs the agreement of the other charter too: tick their name only "
                    + "when they agreed these answers with you");
        }
        java.util.Set<String> charters = latest(p).stream().filter(e -> e.studyId() == studyId
                && e.role().equals(REVIEWER)).map(ChartEntry::reviewer).collect(Collectors.toSet());
        for (String name : agreed) {
            if (!charters.contains(name)) {
                throw new UserError(name + " did not chart study " + studyId + " and cannot have agreed its consensus"
                        + (charters.isEmpty() ? "" : " (its charters: " + String.join(", ", new java.util.TreeSet<>(charters)) + ")"));
            }
        }
        return save(p, studyId, recordedBy, CONSENSUS, answers, locations, agreed);
    }

    /** Single charting with verification: a second person confirms (or corrects) the one entry. */
    public ChartEntry saveVerification(Project p, long studyId, String verifier, Map<String, ?> answers,
                                       Map<String, Location> locations) {
        return save(p, studyId, verifier, VERIFICATION, answers, locations, List.of(verifier));
    }

    private ChartEntry save(Project p, long studyId, String person, String role, Map<String, ?> answers,
                            Map<String, Location> locations, List<String> agreedBy) {
        FormVersion form = requireForm(p);
        EntryCheck.Result checked = EntryCheck.check(form.form(), answers);
        if (!checked.ok()) {
            throw new UserError("the entry for study " + studyId + " was not saved: " + checked.problems().stream()
                    .map(Problem::toString).collect(Collectors.joining("; ")));
        }
        Map<String, Location> locs = locations == null ? Map.of() : locations;
        for (String path : locs.keySet()) {
            String top = path.replaceAll("\\[.*", "");
            if (form.form().field(top) == null) {
                throw new UserError("the entry for study " + studyId + " was not saved: a location names '" + path
                        + "', which is not a field of the form");
            }
        }
        return db.inTransaction(h -> {
            StudyStore.Study study = StudyStore.find(h, studyId).filter(s -> s.projectId() == p.id())
                    .orElseThrow(() -> new UserError("project " + p.key() + " has no study " + studyId));
            long uid = UserStore.ensure(h, person).id();
            Map<String, Object> content = new LinkedHashMap<>();
            content.put("answers", checked.answers());
            if (!locs.isEmpty()) {
                content.put("locations", locs);
            }
            ChartStore.EntryRow row = ChartStore.insertEntry(h, form.id(), study.id(), uid, role, content, agreedBy);
            AuditStore.record(h, p.id(), uid, person, "chart." + role, "study " + studyId,
                    Map.of("formVersion", form.version()));
            return toEntry(row, person, form.version());
        });
    }

    /**
     * The newest entries for a source that {@code viewer} may see. While charting is blind, a
     * reviewer sees only their own entry until they have saved it; then the others' too (to agree a
     * consensus). Consensus and verification entries are visible to all.
     */
    public List<ChartEntry> entries(Project p, long studyId, String viewer) {
        List<ChartEntry> all = latest(p).stream().filter(e -> e.studyId() == studyId).toList();
        boolean viewerCharted = all.stream().anyMatch(e -> e.role().equals(REVIEWER) && Objects.equals(e.reviewer(), viewer));
        return all.stream().filter(e -> !e.role().equals(REVIEWER) || viewerCharted
                || Objects.equals(e.reviewer(), viewer)).toList();
    }

    /** Where two reviewers' entries for a source differ, field by field (empty when they agree). */
    public List<Difference> differences(Project p, long studyId) {
        List<ChartEntry> reviewers = latest(p).stream()
                .filter(e -> e.studyId() == studyId && e.role().equals(REVIEWER)).toList();
        if (reviewers.size() < 2) {
            throw new UserError("study " + studyId + " has " + reviewers.size() + " reviewer entr"
                    + (reviewers.size() == 1 ? "y" : "ies") + "; differences need two");
        }
        return Differences.between(requireForm(p).form(), reviewers.get(0).answers(), reviewers.get(1).answers());
    }

    /**
     * The final entry per source: the consensus when there is one; with single charting and
     * verification, the verification; a source charted by one reviewer only is not final yet.
     */
    public Map<Long, ChartEntry> finalEntries(Project p) {
        Map<Long, ChartEntry> out = new LinkedHashMap<>();
        for (ChartEntry e : latest(p)) {
            ChartEntry held = out.get(e.studyId());
            boolean heldIsConsensus = held != null && held.role().equals(CONSENSUS);
            if (e.role().equals(CONSENSUS) || e.role().equals(VERIFICATION) && !heldIsConsensus) {
                out.put(e.studyId(), e);
            }
        }
        return out;
    }

    /** Sources with their final answers, labelled "First author Year", in study order. */
    public List<EvidenceTable.Row> finalRows(Project p) {
        Map<Long, ChartEntry> fin = finalEntries(p);
        return db.withHandle(h -> {
            List<EvidenceTable.Row> rows = new ArrayList<>();
            for (Map.Entry<Long, ChartEntry> e : fin.entrySet()) {
                Record r = StudyStore.find(h, e.getKey()).map(StudyStore.Study::record).orElse(null);
                rows.add(new EvidenceTable.Row(label(e.getKey(), r), e.getValue().answers()));
            }
            return rows;
        });
    }

    public EvidenceTable.Table evidenceTable(Project p) {
        return EvidenceTable.build(requireForm(p).form(), finalRows(p));
    }

    public EvidenceMap evidenceMap(Project p, String field) {
        return EvidenceMap.build(requireForm(p).form(), field, finalRows(p));
    }

    public List<ChartEntry> latest(Project p) {
        return db.withHandle(h -> {
            Map<Long, Integer> versions = new LinkedHashMap<>();
            List<ChartEntry> out = new ArrayList<>();
            for (ChartStore.EntryRow r : ChartStore.latestEntries(h, p.id())) {
                int v = versions.computeIfAbsent(r.formId(), id -> ChartStore.form(h, id).orElseThrow().version());
                out.add(toEntry(r, r.username(), v));
            }
            return out;
        });
    }

    /** The form an entry was made with (old entries render with their own version). */
    public ChartingForm formOf(Project p, ChartEntry entry) {
        return db.withHandle(h -> ChartStore.form(h, formIdOf(h, entry.id()))
                .map(r -> FormYaml.read(r.definition(), "stored form")).orElseThrow());
    }

    private static long formIdOf(Handle h, long entryId) {
        return h.createQuery("select form_id from chart_entry where id = :id").bind("id", entryId).mapTo(Long.class).one();
    }

    static String label(long studyId, Record r) {
        if (r == null) {
            return "study " + studyId;
        }
        String author = r.firstAuthorFamily() == null ? "Anon." : r.firstAuthorFamily();
        return author + " " + (r.year() == null ? "n.d." : r.year()) + " (#" + studyId + ")";
    }

    @SuppressWarnings("unchecked")
    private static ChartEntry toEntry(ChartStore.EntryRow r, String person, int version) {
        Map<String, Object> answers = (Map<String, Object>) r.content().getOrDefault("answers", Map.of());
        Object locs = r.content().get("locations");
        Map<String, Location> locations = locs == null ? Map.of()
                : Json.MAPPER.convertValue(locs, new TypeReference<Map<String, Location>>() { });
        return new ChartEntry(r.id(), r.studyId(), person, r.role(), version, answers, locations, r.agreedBy(),
                r.createdAt());
    }

    private static Long userId(Handle h, String actor) {
        return actor == null ? null : UserStore.findByName(h, actor).map(UserStore.User::id).orElse(null);
    }
}

package dev.winnow.dedup;

import dev.winnow.UserError;
import dev.winnow.importing.ImportService.Actor;
import dev.winnow.project.Project;
import dev.winnow.record.Record;
import dev.winnow.store.AuditStore;
import dev.winnow.store.Database;
import dev.winnow.store.DedupStore;
import dev.winnow.store.DedupStore.Overlap;
import dev.winnow.store.DedupStore.PairRow;
import dev.winnow.store.Json;
import dev.winnow.store.SourceRecordStore;
import dev.winnow.store.SourceRecordStore.SourceRecord;
import dev.winnow.store.StudyStore;
import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Set;
import org.jdbi.v3.core.Handle;

/**
 * Deduplication of a project: clusters its source records with {@link Deduplicator} and keeps
 * {@code study}, {@code study_link} and {@code dedup_pair} in step. Incremental: records already
 * linked to a study are fixed groups, so existing links never change; new records join an existing
 * study or form a new one; two existing studies are never merged by the rules (a "maybe" instead).
 * People decide the rest: {@link #merge}, {@link #keepApart}, {@link #unlink}.
 */
public final class DedupService {
    /** The rule of the first (or only) record of a study. */
    public static final String FIRST_RECORD = "first-record";
    public static final String MANUAL_UNLINK = "manual:unlink";
    public static final String MANUAL_MERGE = "manual:merge";

    /** What a run did: counts over the whole project, and what this run added. */
    public record Summary(long records, long studies, long duplicates, int newLinks, int newStudies,
                          int updatedStudies, int maybesQueued, int relatedPairs, List<Overlap> overlap) {
    }

    /** An open "maybe" pair with both records, for a person to decide. */
    public record OpenPair(PairRow pair, SourceRecord a, SourceRecord b, long studyA, long studyB) {
    }

    private final Database db;

    public DedupService(Database db) {
        this.db = db;
    }

    public Summary run(Project project, Actor actor) {
        return db.inTransaction(h -> {
            List<SourceRecord> rows = new ArrayList<>();
            SourceRecordStore.forEach(h, project.id(), null, rows::add);
            Map<Long, Long> links = DedupStore.links(h, project.id());
            List<Record> records = new ArrayList<>(rows.size());
            long[] fixed = new long[rows.size()];
            for (int i = 0; i < rows.size(); i++) {
                records.add(rows.get(i).record());
                fixed[i] = links.getOrDefault(rows.get(i).id(), -1L);
            }
            DedupResult result = Deduplicator.run(records, fixed);
            int newLinks = 0;
            int newStudies = 0;
            int updated = 0;
            for (List<Integer> cluster : result.clusters()) {
                long study = -1;
                List<Integer> fresh = new ArrayList<>();
                for (int i : cluster) {
                    if (fixed[i] >= 0) {
                        study = fixed[i];
                    } else {
                        fresh.add(i);
                    }
                }
                if (fresh.isEmpty()) {
                    continue;
                }
                Record merged = StudyMerge.merge(cluster.stream().map(records::get).toList());
                // a new study's first record founds it; every other record is linked by the rule that matched it
                int founder = study < 0 ? fresh.get(0) : -1;
                if (study < 0) {
                    study = StudyStore.insert(h, project.id(), merged).id();
                    newStudies++;
                } else {
                    DedupStore.updateStudy(h, study, merged);
                    updated++;
                }
                for (int i : fresh) {
                    DedupResult.Link link = result.linkOf()[i];
                    boolean first = link == null || i == founder;
                    DedupStore.link(h, rows.get(i).id(), study, first ? FIRST_RECORD : link.judgement().rule(),
                            first ? null : Json.write(linkEvidence(link, rows)), actor.userId());
                    newLinks++;
                }
            }
            Set<String> stored = DedupStore.pairKeys(h, project.id());
            int maybes = storePairs(h, project, rows, result.maybes(), "maybe", "open", stored);
            int related = storePairs(h, project, rows, result.related(), "related", "related", stored);
            long studies = StudyStore.ids(h, project.id()).size();
            Summary s = new Summary(rows.size(), studies, rows.size() - studies, newLinks, newStudies, updated, maybes,
                    related, DedupStore.overlap(h, project.id()));
            Map<String, Object> details = new LinkedHashMap<>();
            details.put("records", s.records());
            details.put("studies", s.studies());
            details.put("newLinks", newLinks);
            details.put("newStudies", newStudies);
            details.put("updatedStudies", updated);
            details.put("maybes", maybes);
            details.put("related", related);
            AuditStore.record(h, project.id(), actor.userId(), actor.name(), "dedup.run", "project " + project.key(),
                    details);
            return s;
        });
    }

    private static Map<String, Object> linkEvidence(DedupResult.Link link, List<SourceRecord> rows) {
        Map<String, Object> e = new LinkedHashMap<>(link.judgement().evidence());
        e.put("matched", rows.get(link.other()).id());
        return e;
    }

    private static int storePairs(Handle h, Project project, List<SourceRecord> rows, List<DedupResult.Pair> pairs,
                                  String relation, String status, Set<String> stored) {
        int n = 0;
        for (DedupResult.Pair p : pairs) {
            long a = rows.get(p.a()).id();
            long b = rows.get(p.b()).id();
            if (stored.add(DedupStore.pairKey(a, b))) {
                DedupStore.insertPair(h, project.id(), Math.min(a, b), Math.max(a, b), relation, p.judgement().rule(),
                        Json.write(p.judgement().evidence()), status);
                n++;
            }
        }
        return n;
    }

    /** Moves a source record out of its study into a new study of its own; returns the new study's id. */
    public long unlink(Project project, long sourceRecordId, Actor actor) {
        return db.inTransaction(h -> {
            SourceRecord r = SourceRecordStore.findById(h, sourceRecordId).filter(x -> x.projectId() == project.id())
                    .orElseThrow(() -> new UserError("no source record " + sourceRecordId + " in project "
                            + project.key()));
            long old = DedupStore.studyOf(h, sourceRecordId).orElseThrow(() -> new UserError("source record "
                    + sourceRecordId + " is not linked to a study yet: run 'winnow dedup --project " + project.key()
                    + "' first"));
            if (DedupStore.members(h, old).size() <= 1) {
                throw new UserError("source record " + sourceRecordId + " is the only record of study " + old
                        + ": there is nothing to unlink it from");
            }
            long fresh = StudyStore.insert(h, project.id(), StudyMerge.merge(List.of(r.record()))).id();
            DedupStore.relink(h, sourceRecordId, fresh, MANUAL_UNLINK, Json.write(Map.of("from", old)), actor.userId());
            recompute(h, old);
            AuditStore.record(h, project.id(), actor.userId(), actor.name(), "dedup.unlink",
                    "source record " + sourceRecordId, Map.of("from", old, "to", fresh));
            return fresh;
        });
    }

    /**
     * Merges the two studies of a "maybe" pair: the study without reviewers' work is absorbed into
     * the other (record_b's into record_a's when neither has work); refused when both have work.
     * Returns the surviving study's id.
     */
    public long merge(Project project, long pairId, Actor actor) {
        return db.inTransaction(h -> {
            PairRow pair = openPair(h, project, pairId);
            long a = studyOf(h, pair.recordA());
            long b = studyOf(h, pair.recordB());
            long keep = a;
            long gone = b;
            if (a != b) {
                boolean workA = DedupStore.hasWork(h, a);
                boolean workB = DedupStore.hasWork(h, b);
                if (workA && workB) {
                    throw new UserError("cannot merge pair " + pairId + ": both study " + a + " and study " + b
                            + " already have screening decisions (or full texts or charting); merging would mix two "
                            + "sets of decisions — keep them apart, or exclude one as a duplicate when screening");
                }
                if (workB) {
                    keep = b;
                    gone = a;
                }
                for (long r : DedupStore.members(h, gone)) {
                    DedupStore.relink(h, r, keep, MANUAL_MERGE, Json.write(Map.of("pair", pairId, "from", gone)),
                            actor.userId());
                }
                DedupStore.deleteStudy(h, gone);
                recompute(h, keep);
            }
            DedupStore.decidePair(h, pairId, "merged", actor.userId());
            AuditStore.record(h, project.id(), actor.userId(), actor.name(), "dedup.merge", "pair " + pairId,
                    Map.of("study", keep, "absorbed", gone));
            return keep;
        });
    }

    /** Records that the two records of a "maybe" pair are different studies. */
    public void keepApart(Project project, long pairId, Actor actor) {
        db.useTransaction(h -> {
            openPair(h, project, pairId);
            DedupStore.decidePair(h, pairId, "kept-apart", actor.userId());
            AuditStore.record(h, project.id(), actor.userId(), actor.name(), "dedup.keep-apart", "pair " + pairId,
                    null);
        });
    }

    /**
     * The open "maybe" pairs with both records and their studies (pairs a merge already joined left
     * out), most likely duplicates first ({@link MaybeQueue#likelihood}, kept in each pair's evidence).
     */
    public List<OpenPair> openPairs(Project project) {
        return db.withHandle(h -> ranked(DedupStore.openMaybes(h, project.id())).stream()
                .map(p -> new OpenPair(p, SourceRecordStore.findById(h, p.recordA()).orElseThrow(),
                        SourceRecordStore.findById(h, p.recordB()).orElseThrow(), studyOf(h, p.recordA()),
                        studyOf(h, p.recordB())))
                .filter(p -> p.studyA() != p.studyB())
                .toList());
    }

    private static List<PairRow> ranked(List<PairRow> pairs) {
        Map<Long, Double> likelihood = new java.util.HashMap<>();
        for (PairRow p : pairs) {
            likelihood.put(p.id(), likelihood(p));
        }
        List<PairRow> out = new ArrayList<>(pairs);
        out.sort(java.util.Comparator.comparingDouble((PairRow p) -> -likelihood.get(p.id())).thenComparingLong(PairRow::id));
        return out;
    }

    /** The likelihood a pair's evidence records, 0 when it has none (pairs stored before it was kept). */
    static double likelihood(PairRow p) {
        Object v = evidence(p).get("likelihood");
        return v instanceof Number n ? n.doubleValue() : 0;
    }

    /** Why a pair is uncertain, from its evidence; the rule's name when the evidence has no reason. */
    public static String reason(PairRow p) {
        Object v = evidence(p).get("reason");
        return v instanceof String r ? r : p.rule();
    }

    private static Map<String, Object> evidence(PairRow p) {
        if (p.evidence() == null || p.evidence().isBlank()) {
            return Map.of();
        }
        try {
            Map<String, Object> m = Json.read(p.evidence(), new com.fasterxml.jackson.core.type.TypeReference<>() { });
            return m == null ? Map.of() : m;
        } catch (RuntimeException e) {
            return Map.of();
        }
    }

    /** A "maybe" pair people merged, with both records and the study that holds them now. */
    public record MergedPair(PairRow pair, SourceRecord a, SourceRecord b, long study) {
    }

    /** The merged "maybe" pairs of a project, newest first (each may be undone with {@link #undoMerge}). */
    public List<MergedPair> mergedPairs(Project project) {
        return db.withHandle(h -> DedupStore.mergedMaybes(h, project.id()).stream()
                .map(p -> new MergedPair(p, SourceRecordStore.findById(h, p.recordA()).orElseThrow(),
                        SourceRecordStore.findById(h, p.recordB()).orElseThrow(), studyOf(h, p.recordA())))
                .toList());
    }

    /**
     * Undoes the merge of a "maybe" pair: the records that merge moved (those still linked by it) go
     * back together into a study of their own, the other study's fields are recomputed, and the pair
     * is open again for a person to decide. Returns the new study's id. Refused when the merge moved
     * nothing (the two records were in one study already) or its records were moved since.
     */
    public long undoMerge(Project project, long pairId, Actor actor) {
        return db.inTransaction(h -> {
            PairRow pair = pair(h, project, pairId);
            if (!pair.relation().equals("maybe") || !pair.status().equals("merged")) {
                throw new UserError("dedup pair " + pairId + " was not merged (it is " + pair.relation() + ", "
                        + pair.status() + "): there is no merge to undo");
            }
            List<DedupStore.LinkRow> moved = DedupStore.linksByRule(h, project.id(), MANUAL_MERGE).stream()
                    .filter(l -> mergedBy(l, pairId)).toList();
            if (moved.isEmpty()) {
                throw new UserError("the merge of pair " + pairId + " cannot be undone: it moved no record, or its "
                        + "records were moved again since");
            }
            long keep = moved.get(0).studyId();
            List<Long> movedIds = moved.stream().map(DedupStore.LinkRow::sourceRecordId).toList();
            if (moved.stream().anyMatch(l -> l.studyId() != keep)
                    || DedupStore.members(h, keep).stream().allMatch(movedIds::contains)) {
                throw new UserError("the merge of pair " + pairId + " cannot be undone: its study was changed since "
                        + "(unlink the records one by one instead)");
            }
            List<Record> records = movedIds.stream()
                    .map(id -> SourceRecordStore.findById(h, id).orElseThrow().record()).toList();
            long fresh = StudyStore.insert(h, project.id(), StudyMerge.merge(records)).id();
            for (long id : movedIds) {
                DedupStore.relink(h, id, fresh, MANUAL_UNLINK, Json.write(Map.of("from", keep, "undo", pairId)),
                        actor.userId());
            }
            recompute(h, keep);
            DedupStore.decidePair(h, pairId, "open", actor.userId());
            AuditStore.record(h, project.id(), actor.userId(), actor.name(), "dedup.undo-merge", "pair " + pairId,
                    Map.of("study", keep, "restored", fresh, "records", movedIds));
            return fresh;
        });
    }

    private static boolean mergedBy(DedupStore.LinkRow link, long pairId) {
        if (link.evidence() == null) {
            return false;
        }
        Object pair = Json.read(link.evidence(), Map.class).get("pair");
        return pair instanceof Number n && n.longValue() == pairId;
    }

    private static PairRow pair(Handle h, Project project, long pairId) {
        return DedupStore.findPair(h, project.id(), pairId)
                .orElseThrow(() -> new UserError("no dedup pair " + pairId + " in project " + project.key()));
    }

    private static PairRow openPair(Handle h, Project project, long pairId) {
        PairRow pair = pair(h, project, pairId);
        if (!pair.relation().equals("maybe") || !pair.status().equals("open")) {
            throw new UserError("dedup pair " + pairId + " is not an open maybe pair (it is " + pair.relation() + ", "
                    + pair.status() + ")");
        }
        return pair;
    }

    private static long studyOf(Handle h, long sourceRecordId) {
        return DedupStore.studyOf(h, sourceRecordId).orElseThrow(() -> new IllegalStateException(
                "source record " + sourceRecordId + " has no study"));
    }

    /** Recomputes a study's merged fields from its records. */
    private static void recompute(Handle h, long studyId) {
        List<Record> records = DedupStore.members(h, studyId).stream()
                .map(id -> SourceRecordStore.findById(h, id).orElseThrow().record()).toList();
        DedupStore.updateStudy(h, studyId, StudyMerge.merge(records));
    }
}

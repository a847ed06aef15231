package dev.winnow.rank;

import dev.winnow.rank.features.SparseVector;
import dev.winnow.rank.features.TfIdf;
import dev.winnow.rank.models.Scorer;
import dev.winnow.rank.stop.ConsecutiveIrrelevant;
import dev.winnow.rank.stop.StoppingRule;
import dev.winnow.record.Record;
import dev.winnow.screen.Verdict;
import dev.winnow.store.Database;
import dev.winnow.store.RankInputStore;
import dev.winnow.store.RankInputStore.OwnDecision;
import dev.winnow.store.StudyStore.Study;
import java.util.ArrayList;
import java.util.Comparator;
import java.util.HashMap;
import java.util.HashSet;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Set;
import java.util.concurrent.ConcurrentHashMap;

/**
 * The ranked screening queue of one reviewer at one stage, and the stopping estimate.
 *
 * <p>Blinding: the model of reviewer U is trained only on what U may see — U's own decisions
 * (the newest per study; "maybe" is not a training label) and the resolved outcomes (which
 * override U's own call). Other reviewers' unresolved votes are never read.
 *
 * <p>State: the TF-IDF features of a project are kept in memory, grown as study records arrive
 * and rewritten for studies whose fields changed (a deduplication merge); the fitted model of
 * each (project, stage, reviewer) is kept with a fingerprint of its training labels and features
 * and reused while they are unchanged. Everything is recomputed from the
 * database when absent, so a restart changes nothing but speed.
 */
public final class RankService {
    private final Database db;
    private final RankModel model;
    private final Map<Long, ProjectFeatures> features = new ConcurrentHashMap<>();
    private final Map<String, Fitted> fitted = new ConcurrentHashMap<>();

    public RankService(Database db) {
        this(db, RankModels.DEFAULT);
    }

    public RankService(Database db, RankModel model) {
        this.db = db;
        this.model = model;
    }

    /** The ranking configuration this service's queues use. */
    public RankModel model() {
        return model;
    }

    /**
     * A reviewer's queue: the study records they have not screened and that are not resolved,
     * best first ({@code ranked} false: too few labels of both kinds yet, so in record order).
     * {@code trainingLabels} is how many labels (own decisions and resolved outcomes) the model
     * learnt from; {@code irrelevantInARow} ends the reviewer's sequence; {@code stopping} is the rule's verdict on the reviewer's own screening sequence.
     */
    public record Queue(long projectId, long stageId, long userId, List<Long> studyIds, boolean ranked,
                        int trainingLabels, int screened, int relevantFound, int irrelevantInARow, int total,
                        StoppingRule.Estimate stopping) {
    }

    /**
     * The queue under the stopping rule the team pre-registered. Reads only what changed since the
     * last call: the ids of the project's study records, the text of those not featurised yet, and
     * the reviewer's own decisions and the stage's resolutions.
     */
    public Queue queue(long projectId, long stageId, long userId, StoppingRule rule) {
        record Inputs(List<Long> ids, List<OwnDecision> own, Map<Long, Verdict> resolved) {
        }
        ProjectFeatures pf = features.computeIfAbsent(projectId, id -> new ProjectFeatures(model));
        Inputs in = db.withHandle(h -> {
            Map<Long, String> versions = RankInputStore.studyVersions(h, projectId);
            List<Long> ids = List.copyOf(versions.keySet());
            long firstMissing = pf.firstMissing(ids);
            if (firstMissing >= 0) {
                pf.update(RankInputStore.studiesFrom(h, projectId, firstMissing), versions);
            }
            Set<Long> stale = pf.stale(versions);
            if (!stale.isEmpty()) {
                pf.refresh(stale, RankInputStore.studies(h, projectId, stale), versions);
            }
            return new Inputs(ids, RankInputStore.ownDecisions(h, stageId, userId),
                    RankInputStore.resolutions(h, stageId));
        });

        // the reviewer's screening sequence: studies in the order of their first own decision
        Map<Long, Verdict> latestOwn = new LinkedHashMap<>();
        for (OwnDecision d : in.own()) {
            latestOwn.put(d.studyId(), d.verdict());
        }
        // training labels: resolutions override the reviewer's own call; maybes do not train
        Map<Long, Boolean> labels = new HashMap<>();
        latestOwn.forEach((study, v) -> {
            if (v != Verdict.MAYBE) {
                labels.put(study, v == Verdict.INCLUDE);
            }
        });
        in.resolved().forEach((study, v) -> labels.put(study, v == Verdict.INCLUDE));

        List<Long> candidates = new ArrayList<>();
        for (Long id : in.ids()) {
            if (!latestOwn.containsKey(id) && !in.resolved().containsKey(id)) {
                candidates.add(id);
            }
        }
        List<Map.Entry<Long, Boolean>> training = labels.entrySet().stream()
                .filter(e -> pf.has(e.getKey())).sorted(Map.Entry.comparingByKey()).toList();
        String key = projectId + "/" + stageId + "/" + userId;
        String fingerprint = pf.version() + ":" + training.hashCode() + ":" + training.size();
        Fitted f = fitted.get(key);
        if (f == null || !f.fingerprint().equals(fingerprint)) {
            f = new Fitted(fingerprint, pf.train(training));
            fitted.put(key, f);
        }
        boolean ranked = f.model() != null;
        List<Long> queue = ranked ? pf.rank(f.model(), candidates) : candidates;
        // stopping: the reviewer's own sequence; the label is the resolved outcome where there is one,
        // else their own call, with "maybe" counted as relevant (conservative)
        boolean[] seq = new boolean[latestOwn.size()];
        int i = 0;
        int found = 0;
        for (Map.Entry<Long, Verdict> e : latestOwn.entrySet()) {
            Verdict v = in.resolved().getOrDefault(e.getKey(), e.getValue());
            seq[i] = v != Verdict.EXCLUDE;
            if (seq[i]) {
                found++;
            }
            i++;
        }
        int total = in.ids().size();
        StoppingRule.Estimate est = rule.evaluate(seq, seq.length, Math.max(total, seq.length));
        return new Queue(projectId, stageId, userId, List.copyOf(queue), ranked, ranked ? training.size() : 0,
                seq.length, found, ConsecutiveIrrelevant.run(seq, seq.length), total, est);
    }

    /** Forgets the in-memory state of a project (e.g. after its study records were re-deduplicated). */
    public void forget(long projectId) {
        features.remove(projectId);
        fitted.keySet().removeIf(k -> k.startsWith(projectId + "/"));
    }

    private record Fitted(String fingerprint, Scorer model) {
    }

    /** The version recorded for a study that no longer exists (an {@code updated_at} is a timestamp, never this). */
    private static final String GONE = "gone";

    /**
     * The TF-IDF rows of one project's study records, grown as records arrive and rewritten when a
     * study's fields change (its {@code updated_at} differs from the one its row was built from)
     * or the study is gone (its row is emptied).
     */
    private static final class ProjectFeatures {
        private final RankModel model;
        private final TfIdf tfidf;
        private final Map<Long, Integer> rowOf = new HashMap<>();
        private final Map<Long, String> versionOf = new HashMap<>();
        /** Changes with every row added or rewritten: a model fitted before is not reused after. */
        private long version;

        ProjectFeatures(RankModel model) {
            this.model = model;
            this.tfidf = new TfIdf(model.features());
        }

        synchronized void update(List<Study> studies, Map<Long, String> versions) {
            for (Study s : studies) {
                if (!rowOf.containsKey(s.id())) {
                    rowOf.put(s.id(), tfidf.add(text(model, s.record())));
                    versionOf.put(s.id(), versions.get(s.id()));
                    version++;
                }
            }
        }

        /** Featurised studies whose fields changed since their row was built, or that are gone. */
        synchronized Set<Long> stale(Map<Long, String> versions) {
            Set<Long> out = new HashSet<>();
            for (Long id : rowOf.keySet()) {
                String now = versions.get(id);
                String built = versionOf.get(id);
                if (!(now == null ? GONE : now).equals(built)) {
                    out.add(id);
                }
            }
            return out;
        }

        /** Rewrites the rows of stale studies from their current fields; empties those of studies gone. */
        synchronized void refresh(Set<Long> stale, List<Study> current, Map<Long, String> versions) {
            Set<Long> left = new HashSet<>(stale);
            for (Study s : current) {
                tfidf.replace(rowOf.get(s.id()), text(model, s.record()));
                versionOf.put(s.id(), versions.get(s.id()));
                left.remove(s.id());
            }
            for (Long id : left) {
                tfidf.replace(rowOf.get(id), "");
                versionOf.put(id, GONE);
            }
            version++;
        }

        synchronized long version() {
            return version;
        }

        /** The smallest of {@code ids} not featurised yet, or -1 when every one is. */
        synchronized long firstMissing(List<Long> ids) {
            long first = -1;
            for (Long id : ids) {
                if (!rowOf.containsKey(id) && (first < 0 || id < first)) {
                    first = id;
                }
            }
            return first;
        }

        synchronized boolean has(long studyId) {
            return rowOf.containsKey(studyId);
        }

        /** {@code ids} by decreasing score (ties: the earlier record first); ids without features last. */
        synchronized List<Long> rank(Scorer m, List<Long> ids) {
            List<SparseVector> rows = tfidf.rows();
            int[] at = new int[ids.size()];
            int n = 0;
            List<Long> unknown = new ArrayList<>();
            Long[] known = new Long[ids.size()];
            for (Long id : ids) {
                Integer row = rowOf.get(id);
                if (row == null) {
                    unknown.add(id);
                } else {
                    known[n] = id;
                    at[n++] = row;
                }
            }
            double[] score = new double[n];
            m.scoreAll(rows, at, n, score);
            Integer[] order = new Integer[n];
            for (int i = 0; i < n; i++) {
                order[i] = i;
            }
            java.util.Arrays.sort(order, Comparator.<Integer>comparingDouble(i -> -score[i])
                    .thenComparing(i -> known[i]));
            List<Long> out = new ArrayList<>(ids.size());
            for (Integer i : order) {
                out.add(known[i]);
            }
            out.addAll(unknown);
            return out;
        }

        synchronized int documents() {
            return tfidf.documents();
        }

        synchronized Scorer train(List<Map.Entry<Long, Boolean>> training) {
            int[] rows = new int[training.size()];
            boolean[] relevant = new boolean[training.size()];
            for (int i = 0; i < rows.length; i++) {
                rows[i] = rowOf.get(training.get(i).getKey());
                relevant[i] = training.get(i).getValue();
            }
            // a cold fit: the model depends on the labels alone, never on the order they came in
            return Trainer.train(model, tfidf.rows(), tfidf.dimension(), rows, relevant, rows.length, null);
        }

        /** Title (as many times as the model counts it), abstract, keywords: as a simulation reads a record. */
        static String text(RankModel model, Record r) {
            StringBuilder b = new StringBuilder(r.abstractText() == null ? "" : r.abstractText());
            if (!r.keywords().isEmpty()) {
                b.append(' ').append(String.join(" ", r.keywords()));
            }
            return model.text(r.title(), b.toString());
        }
    }

}

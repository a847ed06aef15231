package dev.winnow.rank;

import dev.winnow.rank.features.SparseVector;
import dev.winnow.rank.features.TfIdf;
import dev.winnow.rank.models.LinearModel;
import dev.winnow.rank.stop.StoppingRule;
import dev.winnow.record.Record;
import dev.winnow.screen.Verdict;
import dev.winnow.store.Database;
import dev.winnow.store.RankInputStore;
import dev.winnow.store.RankInputStore.OwnDecision;
import dev.winnow.store.StudyStore;
import dev.winnow.store.StudyStore.Study;
import java.util.ArrayList;

import java.util.Comparator;
import java.util.HashMap;
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
 * <p>State: the TF-IDF features of a project are kept in memory and grown as study records
 * arrive; the fitted model of each (project, stage, reviewer) is kept with a fingerprint of its
 * training labels and reused while they are unchanged. Everything is recomputed from the
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

    /**
     * A reviewer's queue: the study records they have not screened and that are not resolved,
     * best first ({@code ranked} false: too few labels of both kinds yet, so in record order).
     * {@code stopping} is the rule's verdict on the reviewer's own screening sequence.
     */
    public record Queue(long projectId, long stageId, long userId, List<Long> studyIds, boolean ranked,
                        int screened, int relevantFound, int total, StoppingRule.Estimate stopping) {
    }

    /** The queue under the stopping rule the team pre-registered. */
    public Queue queue(long projectId, long stageId, long userId, StoppingRule rule) {
        record Inputs(List<Study> studies, List<OwnDecision> own, Map<Long, Verdict> resolved) {
        }
        Inputs in = db.withHandle(h -> new Inputs(StudyStore.list(h, projectId),
                RankInputStore.ownDecisions(h, stageId, userId), RankInputStore.resolutions(h, stageId)));
        ProjectFeatures pf = features.computeIfAbsent(projectId, id -> new ProjectFeatures(model));
        pf.update(in.studies());

        // the reviewer's screening sequence: studies in the order of their first own decision
        Map<Long, Verdict> latestOwn = new LinkedHashMap<>();
        for (OwnDecision d : in.own()) {
            latestOwn.putIfAbsent(d.studyId(), d.verdict());
            latestOwn.put(d.studyId(), d.verdict());
        }
        // training labels: resolutions override the reviewer's own call; maybes do not train
        Map<Long, Boolean> labels = new LinkedHashMap<>();
        latestOwn.forEach((study, v) -> {
            if (v != Verdict.MAYBE) {
                labels.put(study, v == Verdict.INCLUDE);
            }
        });
        in.resolved().forEach((study, v) -> labels.put(study, v == Verdict.INCLUDE));

        List<Long> candidates = new ArrayList<>();
        for (Study s : in.studies()) {
            if (!latestOwn.containsKey(s.id()) && !in.resolved().containsKey(s.id())) {
                candidates.add(s.id());
            }
        }
        Set<Long> present = pf.ids();
        List<Map.Entry<Long, Boolean>> training = labels.entrySet().stream()
                .filter(e -> present.contains(e.getKey())).sorted(Map.Entry.comparingByKey()).toList();
        String key = projectId + "/" + stageId + "/" + userId;
        String fingerprint = pf.documents() + ":" + training.hashCode() + ":" + training.size();
        Fitted f = fitted.get(key);
        if (f == null || !f.fingerprint().equals(fingerprint)) {
            f = new Fitted(fingerprint, pf.train(training));
            fitted.put(key, f);
        }
        List<Long> queue = new ArrayList<>(candidates);
        boolean ranked = f.model() != null;
        if (ranked) {
            Map<Long, Double> score = new HashMap<>();
            LinearModel m = f.model();
            for (Long id : queue) {
                score.put(id, m.score(pf.row(id)));
            }
            queue.sort(Comparator.<Long>comparingDouble(score::get).reversed().thenComparing(Comparator.naturalOrder()));
        }
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
        int total = in.studies().size();
        StoppingRule.Estimate est = rule.evaluate(seq, seq.length, Math.max(total, seq.length));
        return new Queue(projectId, stageId, userId, List.copyOf(queue), ranked, seq.length, found, total, est);
    }

    /** Forgets the in-memory state of a project (e.g. after its study records were re-deduplicated). */
    public void forget(long projectId) {
        features.remove(projectId);
        fitted.keySet().removeIf(k -> k.startsWith(projectId + "/"));
    }

    private record Fitted(String fingerprint, LinearModel model) {
    }

    /** The TF-IDF rows of one project's study records, grown as records arrive. */
    private static final class ProjectFeatures {
        private final RankModel model;
        private final TfIdf tfidf;
        private final Map<Long, Integer> rowOf = new HashMap<>();

        ProjectFeatures(RankModel model) {
            this.model = model;
            this.tfidf = new TfIdf(model.features());
        }

        synchronized void update(List<Study> studies) {
            for (Study s : studies) {
                if (!rowOf.containsKey(s.id())) {
                    rowOf.put(s.id(), tfidf.add(text(s.record())));
                }
            }
        }

        synchronized Set<Long> ids() {
            return Set.copyOf(rowOf.keySet());
        }

        synchronized int documents() {
            return tfidf.documents();
        }

        synchronized SparseVector row(long studyId) {
            return tfidf.rows().get(rowOf.get(studyId));
        }

        synchronized LinearModel train(List<Map.Entry<Long, Boolean>> training) {
            int[] rows = new int[training.size()];
            boolean[] relevant = new boolean[training.size()];
            for (int i = 0; i < rows.length; i++) {
                rows[i] = rowOf.get(training.get(i).getKey());
                relevant[i] = training.get(i).getValue();
            }
            // a cold fit: the model depends on the labels alone, never on the order they came in
            return Trainer.train(model, tfidf.rows(), tfidf.dimension(), rows, relevant, rows.length, null);
        }

        static String text(Record r) {
            StringBuilder b = new StringBuilder();
            b.append(r.title() == null ? "" : r.title()).append(' ')
                    .append(r.abstractText() == null ? "" : r.abstractText());
            if (!r.keywords().isEmpty()) {
                b.append(' ').append(String.join(" ", r.keywords()));
            }
            return b.toString();
        }
    }

}

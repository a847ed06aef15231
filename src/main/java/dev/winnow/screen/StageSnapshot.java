package dev.winnow.screen;

import dev.winnow.protocol.Protocol;
import dev.winnow.protocol.ProtocolService;
import dev.winnow.protocol.StageRules;
import dev.winnow.store.DecisionStore;
import dev.winnow.store.FullTextStore;
import dev.winnow.store.ResolutionStore;
import dev.winnow.store.StageStore;
import dev.winnow.store.StudyStore;
import dev.winnow.store.UserStore;
import java.util.ArrayList;
import java.util.HashMap;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Set;
import java.util.stream.Collectors;
import org.jdbi.v3.core.Handle;

/**
 * Everything about one stage of one project read in one go, inside a unit of work: its rules,
 * the records it screens, each record's newest decision per reviewer (pilot decisions left out)
 * and newest resolution; outcomes are derived from these, unblinded. Callers filter for a
 * {@link Viewer} with {@link #canSeeOthers}.
 */
final class StageSnapshot {
    final long projectId;
    final StageName name;
    final StageStore.StageRow stage;
    final Protocol protocol;
    final int protocolVersion;
    final StageRules rules;
    /** Study ids screened at this stage, in id order. */
    final List<Long> records;
    private final Set<Long> recordSet;
    final Map<Long, List<Decision>> newest = new HashMap<>();
    final Map<Long, Resolution> resolution = new HashMap<>();
    /** The title/abstract snapshot this stage's records came from (this one at title/abstract). */
    final StageSnapshot titleAbstract;

    private StageSnapshot(Handle h, long projectId, StageName name, List<Long> records, StageSnapshot titleAbstract) {
        this.titleAbstract = titleAbstract == null ? this : titleAbstract;
        this.projectId = projectId;
        this.name = name;
        this.stage = StageStore.ensure(h, projectId, name.label());
        ProtocolService.Versioned v = ProtocolService.current(h, projectId);
        this.protocol = v.protocol();
        this.protocolVersion = v.version();
        this.rules = protocol.rules(name);
        this.records = records;
        this.recordSet = new java.util.HashSet<>(records);
        Map<Long, List<Decision>> log = DecisionStore.history(h, stage.id()).stream()
                .filter(d -> !"pilot".equals(d.origin()))
                .collect(Collectors.groupingBy(Decision::studyId, LinkedHashMap::new, Collectors.toList()));
        log.forEach((study, ds) -> newest.put(study, Outcomes.newestPerReviewer(ds)));
        ResolutionStore.history(h, stage.id()).forEach(r -> resolution.put(r.studyId(), r));
    }

    /**
     * The snapshot of a stage. Title/abstract screens every study record of the project; full text
     * screens those included at title/abstract, less those whose full text was not retrieved.
     */
    static StageSnapshot load(Handle h, long projectId, StageName name) {
        List<Long> all = StudyStore.ids(h, projectId);
        if (name == StageName.TITLE_ABSTRACT) {
            return new StageSnapshot(h, projectId, name, all, null);
        }
        StageSnapshot ta = new StageSnapshot(h, projectId, StageName.TITLE_ABSTRACT, all, null);
        Set<Long> notRetrieved = FullTextStore.latest(h, projectId).stream()
                .filter(f -> "not-retrieved".equals(f.status())).map(FullTextStore.FullTextRow::studyId)
                .collect(Collectors.toSet());
        List<Long> passed = ta.included().stream().filter(id -> !notRetrieved.contains(id)).toList();
        return new StageSnapshot(h, projectId, name, passed, ta);
    }

    List<Decision> newest(long studyId) {
        return newest.getOrDefault(studyId, List.of());
    }

    Outcome outcome(long studyId) {
        return Outcomes.derive(studyId, newest(studyId), resolution.get(studyId), rules.requiredReviewers());
    }

    List<Long> included() {
        List<Long> out = new ArrayList<>();
        for (long id : records) {
            if (outcome(id).status() == Outcome.Status.INCLUDED) {
                out.add(id);
            }
        }
        return out;
    }

    boolean contains(long studyId) {
        return recordSet.contains(studyId);
    }

    /** Whether this viewer may resolve conflicts here (the protocol's "resolvers" rule). */
    boolean mayResolve(Handle h, Viewer viewer) {
        if (viewer.isOverseer()) {
            return true;
        }
        for (String who : rules.resolvers()) {
            if (who.equals(StageRules.ANY_REVIEWER) || who.equals(viewer.name())) {
                return true;
            }
            if (who.equals(StageRules.OWNER)
                    && UserStore.role(h, projectId, viewer.userId()).filter("owner"::equals).isPresent()) {
                return true;
            }
        }
        return false;
    }

    /**
     * The blinding rule: may this viewer see other reviewers' decisions on this record? Yes when the
     * stage is not blinded, for the overseer, and for a resolver who did not screen the record (a
     * third reviewer). Anyone who screened a blinded record sees only their own decision.
     */
    boolean canSeeOthers(Viewer viewer, boolean viewerMayResolve, long studyId) {
        if (!stage.blinded() || viewer.isOverseer()) {
            return true;
        }
        return viewerMayResolve && newest(studyId).stream().noneMatch(d -> d.userId() == viewer.userId());
    }
}

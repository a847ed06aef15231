package dev.winnow.screen;

import dev.winnow.protocol.Protocol;
import dev.winnow.protocol.ProtocolService;
import dev.winnow.protocol.StageRules;
import dev.winnow.store.DecisionStore;
import dev.winnow.store.FullTextStore;
import dev.winnow.store.QueueStore;
import dev.winnow.store.ResolutionStore;
import dev.winnow.store.StageStore;
import java.util.List;
import java.util.Optional;
import org.jdbi.v3.core.Handle;

/**
 * One stage's rules, read without its decisions: what a single decision or a "next record" needs.
 * {@link StageSnapshot} is the whole stage, for outcomes, conflicts and reports.
 */
final class StageContext {
    final long projectId;
    final StageName name;
    final StageStore.StageRow stage;
    final Protocol protocol;
    final StageRules rules;

    private StageContext(long projectId, StageName name, StageStore.StageRow stage, Protocol protocol) {
        this.projectId = projectId;
        this.name = name;
        this.stage = stage;
        this.protocol = protocol;
        this.rules = protocol.rules(name);
    }

    /** The stage inside a unit of work that may write (the stage row is created when missing). */
    static StageContext load(Handle h, long projectId, StageName name) {
        return new StageContext(projectId, name, StageStore.ensure(h, projectId, name.label()),
                ProtocolService.current(h, projectId).protocol());
    }

    /** The stage for reading; empty when nothing has happened at it yet. */
    static Optional<StageContext> find(Handle h, long projectId, StageName name) {
        return StageStore.find(h, projectId, name.label())
                .map(row -> new StageContext(projectId, name, row, ProtocolService.current(h, projectId).protocol()));
    }

    /**
     * Whether a study is screened at this stage: at title/abstract every study record of the
     * project; at full text those included at title/abstract whose full text was not reported
     * "not retrieved" (the rule {@link StageSnapshot#load} applies to a whole stage, for one record).
     */
    boolean contains(Handle h, long studyId) {
        if (!QueueStore.inProject(h, projectId, studyId)) {
            return false;
        }
        if (name == StageName.TITLE_ABSTRACT) {
            return true;
        }
        Optional<StageStore.StageRow> ta = StageStore.find(h, projectId, StageName.TITLE_ABSTRACT.label());
        if (ta.isEmpty()) {
            return false;
        }
        List<Decision> newest = Outcomes.newestPerReviewer(DecisionStore.forStudy(h, ta.get().id(), studyId).stream()
                .filter(d -> !"pilot".equals(d.origin())).toList());
        Resolution latest = ResolutionStore.latest(h, ta.get().id(), studyId).orElse(null);
        int required = protocol.rules(StageName.TITLE_ABSTRACT).requiredReviewers();
        if (Outcomes.derive(studyId, newest, latest, required).status() != Outcome.Status.INCLUDED) {
            return false;
        }
        return FullTextStore.latest(h, projectId, studyId).filter(f -> "not-retrieved".equals(f.status())).isEmpty();
    }
}

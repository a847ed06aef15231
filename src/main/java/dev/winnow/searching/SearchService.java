package dev.winnow.searching;

import dev.winnow.UserError;
import dev.winnow.importing.ImportService;
import dev.winnow.importing.Source;
import dev.winnow.importing.SourceKind;
import dev.winnow.importing.SourceSpec;
import dev.winnow.project.Project;
import dev.winnow.search.Strategies;
import dev.winnow.search.Strategy;
import dev.winnow.search.Syntax;
import dev.winnow.store.AuditStore;
import dev.winnow.store.Database;
import dev.winnow.store.SearchStore;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;

/**
 * Search strategies stored per source: the strategy as run (checked in its syntax first: a strategy
 * that does not parse stores nothing), the day it was run and the records the database reported;
 * the PRISMA-S appendix and the reported-versus-imported check are made from them.
 */
public final class SearchService {
    private final Database db;

    public SearchService(Database db) {
        this.db = db;
    }

    /**
     * Records the search of a source (created as a database source when new). The strategy is the
     * spec's search string; {@code reported} defaults to the count on the strategy's last line.
     */
    public SourceSearch record(Project project, SourceSpec spec, Syntax syntax, Long reported,
                               ImportService.Actor actor) {
        if (spec.searchString() == null) {
            throw new UserError("the search strategy is empty");
        }
        if (spec.searchedOn() == null) {
            throw new UserError("give the day the search was run (YYYY-MM-DD)");
        }
        if (reported != null && reported < 0) {
            throw new UserError("the record count cannot be negative");
        }
        Strategy parsed = Strategies.parse(syntax, spec.searchString());
        Long count = reported != null ? reported : parsed.last().count();
        long id = db.inTransaction(h -> {
            Source s = ImportService.resolve(h, project, spec, SourceKind.DATABASE);
            SearchStore.describe(h, s.id(), syntax.id, count);
            Map<String, Object> details = new LinkedHashMap<>();
            details.put("source", s.display());
            details.put("syntax", syntax.id);
            details.put("searchedOn", spec.searchedOn());
            details.put("lines", parsed.lines().size());
            details.put("reported", count);
            AuditStore.record(h, project.id(), actor.userId(), actor.name(), "search.record", "source " + s.id(), details);
            return s.id();
        });
        return list(project).stream().filter(x -> x.sourceId() == id).findFirst().orElseThrow();
    }

    /** Every source of the project with its search (if any) and its records imported. */
    public List<SourceSearch> list(Project project) {
        return db.read(h -> SearchStore.list(h, project.id())).stream()
                .map(r -> new SourceSearch(r.sourceId(), r.platform() == null || r.platform().isEmpty() ? r.name()
                        : r.name() + " (" + r.platform() + ")", r.kind(), r.searchString(),
                        r.syntax() == null ? null : Syntax.parse(r.syntax(), null), r.searchedOn(), r.reported(),
                        r.imported()))
                .toList();
    }

    public String appendix(Project project) {
        return PrismaSAppendix.write(project.title(), list(project));
    }
}

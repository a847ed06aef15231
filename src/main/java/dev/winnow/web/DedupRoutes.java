package dev.winnow.web;

import dev.winnow.UserError;
import dev.winnow.dedup.DedupService;
import dev.winnow.importing.ImportService;
import dev.winnow.importing.Source;
import dev.winnow.project.Role;
import dev.winnow.project.TeamService.Access;
import dev.winnow.record.Author;
import dev.winnow.record.Record;
import dev.winnow.store.SourceRecordStore.SourceRecord;
import io.javalin.config.RoutesConfig;
import io.javalin.http.Context;
import java.util.ArrayList;
import java.util.HashMap;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import java.util.function.Function;

/**
 * Deduplication review: {@code GET /p/{key}/dedup} (the "maybe" pairs side by side with the fields
 * that differ marked, and the merges made, each with Undo), {@code POST …/run} (owners: deduplicate
 * the records imported so far), {@code POST …/pairs/{pairId}/merge|keep-apart|undo} (reviewers).
 */
public final class DedupRoutes {
    private final DedupService dedup;
    private final ImportService imports;
    private final Projects access;
    private final Views views;

    DedupRoutes(DedupService dedup, ImportService imports, Projects access, Views views) {
        this.dedup = dedup;
        this.imports = imports;
        this.access = access;
        this.views = views;
    }

    /** One field of the two records: both values as text, and whether they differ (case and spacing aside). */
    public record FieldRow(String label, String a, String b) {
        public boolean differs() {
            return !norm(a).equals(norm(b));
        }

        private static String norm(String s) {
            return s.strip().replaceAll("\\s+", " ").toLowerCase(Locale.ROOT);
        }
    }

    /** A pair to show: its id and rule, where each record came from, and the fields side by side. */
    public record PairView(long id, String rule, long recordA, long recordB, String sourceA, String sourceB,
                           long studyA, long studyB, List<FieldRow> fields) {
        public String titleA() {
            return fields.get(0).a();
        }

        public String titleB() {
            return fields.get(0).b();
        }
    }

    private static final List<Map.Entry<String, Function<Record, String>>> FIELDS = List.of(
            Map.entry("Title", r -> text(r.title())),
            Map.entry("Authors", r -> String.join("; ", r.authors().stream().map(Author::display).toList())),
            Map.entry("Year", r -> r.year() == null ? "" : r.year().toString()),
            Map.entry("Journal", r -> text(r.journal())),
            Map.entry("Volume", r -> text(r.volume())),
            Map.entry("Issue", r -> text(r.issue())),
            Map.entry("Pages", r -> text(r.pages())),
            Map.entry("DOI", r -> text(r.doi())),
            Map.entry("PMID", r -> text(r.pmid())),
            Map.entry("Type", r -> r.type().label()),
            Map.entry("Abstract", r -> text(r.abstractText())));

    static List<FieldRow> compare(Record a, Record b) {
        return FIELDS.stream().map(f -> new FieldRow(f.getKey(), f.getValue().apply(a), f.getValue().apply(b))).toList();
    }

    private static String text(String s) {
        return s == null ? "" : s;
    }

    void register(RoutesConfig r) {
        r.get("/p/{key}/dedup", ctx -> page(ctx, access.access(ctx, Role.VIEWER), null, null, 200));
        r.post("/p/{key}/dedup/run", ctx -> {
            Access a = access.access(ctx, Role.OWNER);
            DedupService.Summary s = dedup.run(a.project(), actor(a));
            page(ctx, a, s.records() + " source records → " + s.studies() + " studies; this run linked " + s.newLinks()
                    + " records and queued " + s.maybesQueued() + " pairs to check.", null, 200);
        });
        r.post("/p/{key}/dedup/pairs/{pairId}/{action}", ctx -> {
            Access a = access.access(ctx, Role.REVIEWER);
            long pair = WebError.pathId(ctx, "pairId");
            String done;
            try {
                done = switch (ctx.pathParam("action")) {
                    case "merge" -> "Merged pair " + pair + " into record " + dedup.merge(a.project(), pair, actor(a)) + ".";
                    case "keep-apart" -> {
                        dedup.keepApart(a.project(), pair, actor(a));
                        yield "Pair " + pair + " kept apart.";
                    }
                    case "undo" -> "Undid the merge of pair " + pair + ": its records are record "
                            + dedup.undoMerge(a.project(), pair, actor(a)) + " again, and the pair is open.";
                    default -> throw WebError.notFound();
                };
            } catch (UserError e) {
                page(ctx, a, null, e.getMessage(), 400);
                return;
            }
            page(ctx, a, done, null, 200);
        });
    }

    private static ImportService.Actor actor(Access a) {
        return new ImportService.Actor(a.user().id(), a.user().username());
    }

    private void page(Context ctx, Access a, String message, String error, int status) {
        Map<Long, String> sources = new HashMap<>();
        for (Source s : imports.sources(a.project())) {
            sources.put(s.id(), s.display());
        }
        List<PairView> open = new ArrayList<>();
        for (DedupService.OpenPair p : dedup.openPairs(a.project())) {
            open.add(view(p.pair().id(), p.pair().rule() + " — " + DedupService.reason(p.pair()), p.a(), p.b(), p.studyA(),
                    p.studyB(), sources));
        }
        List<PairView> merged = new ArrayList<>();
        for (DedupService.MergedPair p : dedup.mergedPairs(a.project())) {
            merged.add(view(p.pair().id(), p.pair().rule(), p.a(), p.b(), p.study(), p.study(), sources));
        }
        ctx.status(status).html(views.render("dedup/page.jte", Map.of(
                "page", ProjectRoutes.page(ctx, "Duplicates", a, "dedup"),
                "open", open,
                "merged", merged,
                "message", message == null ? "" : message,
                "error", error == null ? "" : error)));
    }

    private static PairView view(long id, String rule, SourceRecord a, SourceRecord b, long studyA, long studyB,
                                 Map<Long, String> sources) {
        return new PairView(id, rule, a.id(), b.id(), sources.getOrDefault(a.sourceId(), ""),
                sources.getOrDefault(b.sourceId(), ""), studyA, studyB, compare(a.record(), b.record()));
    }
}

package dev.winnow.screen;

import dev.winnow.UserError;
import dev.winnow.project.Project;
import dev.winnow.protocol.Criterion;
import dev.winnow.protocol.ProtocolService;
import dev.winnow.store.AuditStore;
import dev.winnow.store.Database;
import dev.winnow.store.HighlightStore;
import dev.winnow.store.HighlightStore.Term;
import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.LinkedHashSet;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import java.util.Set;

/**
 * The words the screening view marks: the project's own include/exclude terms, plus the keywords of
 * the protocol's criteria. A criterion keyword counts as an exclude term when it appears in the
 * criterion's exclude wording and not in its include wording ("letter" under "Editorials, comments,
 * letters"), otherwise as an include term.
 */
public final class HighlightService {
    private final Database db;

    public HighlightService(Database db) {
        this.db = db;
    }

    /** Include and exclude terms, each list without repeats. */
    public record Terms(List<String> include, List<String> exclude, List<String> ownInclude, List<String> ownExclude) {
    }

    public Terms terms(Project p) {
        return db.withHandle(h -> {
            Set<String> in = new LinkedHashSet<>();
            Set<String> ex = new LinkedHashSet<>();
            List<String> ownIn = new ArrayList<>();
            List<String> ownEx = new ArrayList<>();
            for (Term t : HighlightStore.list(h, p.id())) {
                ("include".equals(t.polarity()) ? ownIn : ownEx).add(t.term());
            }
            ex.addAll(ownEx);
            in.addAll(ownIn);
            for (Criterion c : ProtocolService.current(h, p.id()).protocol().criteria()) {
                String inc = c.include() == null ? "" : c.include().toLowerCase(Locale.ROOT);
                String exc = c.exclude() == null ? "" : c.exclude().toLowerCase(Locale.ROOT);
                for (String k : c.keywords()) {
                    String kl = k.toLowerCase(Locale.ROOT);
                    if (exc.contains(kl) && !inc.contains(kl)) {
                        ex.add(k);
                    } else {
                        in.add(k);
                    }
                }
            }
            in.removeAll(ownEx);
            return new Terms(List.copyOf(in), List.copyOf(ex), ownIn, ownEx);
        });
    }

    /** Replaces the project's own terms: one per line or comma-separated. */
    public void save(Project p, String include, String exclude, long userId, String username) {
        Map<String, Term> terms = new LinkedHashMap<>();
        for (String t : split(include)) {
            terms.put(t.toLowerCase(Locale.ROOT), new Term(t, "include"));
        }
        for (String t : split(exclude)) {
            terms.put(t.toLowerCase(Locale.ROOT), new Term(t, "exclude"));
        }
        db.useTransaction(h -> {
            HighlightStore.replaceAll(h, p.id(), List.copyOf(terms.values()));
            AuditStore.record(h, p.id(), userId, username, "screen.highlight-terms", null,
                    Map.of("terms", terms.size()));
        });
    }

    private static List<String> split(String s) {
        List<String> out = new ArrayList<>();
        if (s == null) {
            return out;
        }
        for (String t : s.split("[,\\n]")) {
            String x = t.strip();
            if (x.isEmpty()) {
                continue;
            }
            if (x.length() > 100) {
                throw new UserError("a highlight term is at most 100 characters: '" + x.substring(0, 40) + "…'");
            }
            out.add(x);
        }
        if (out.size() > 500) {
            throw new UserError("at most 500 highlight terms per list");
        }
        return out;
    }
}

package dev.winnow.store;

import java.util.List;
import org.jdbi.v3.core.Handle;

/** Rows of {@code highlight_term}: a project's own include and exclude words for the screening view. */
public final class HighlightStore {
    private HighlightStore() {
    }

    public record Term(String term, String polarity) {
    }

    public static List<Term> list(Handle h, long projectId) {
        return h.createQuery("select term, polarity from highlight_term where project_id = :p order by polarity, term")
                .bind("p", projectId).map((rs, ctx) -> new Term(rs.getString(1), rs.getString(2))).list();
    }

    public static void replaceAll(Handle h, long projectId, List<Term> terms) {
        h.createUpdate("delete from highlight_term where project_id = :p").bind("p", projectId).execute();
        String now = Clock.now();
        for (Term t : terms) {
            h.createUpdate("insert into highlight_term (project_id, term, polarity, created_at) values (:p, :t, :pol, :now)")
                    .bind("p", projectId).bind("t", t.term()).bind("pol", t.polarity()).bind("now", now).execute();
        }
    }
}

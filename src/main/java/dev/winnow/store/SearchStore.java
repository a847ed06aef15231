package dev.winnow.store;

import java.util.List;
import org.jdbi.v3.core.Handle;

/**
 * A source's search as data (migration V15): the syntax its search string is written in and the
 * record count the database reported, beside the source's search string and date; and, per source,
 * the records imported, for the count check.
 */
public final class SearchStore {
    private SearchStore() {
    }

    /** A source with its search and what was imported for it. */
    public record Row(long sourceId, String name, String platform, String kind, String searchString,
                      String searchedOn, String syntax, Long reported, long imported) {
    }

    public static void describe(Handle h, long sourceId, String syntax, Long reported) {
        h.createUpdate("update source set search_syntax = :syntax, search_count = :count where id = :id")
                .bind("syntax", syntax).bind("count", reported).bind("id", sourceId).execute();
    }

    public static List<Row> list(Handle h, long projectId) {
        return h.createQuery("select s.id, s.name, s.platform, s.kind, s.search_string, s.searched_on, s.search_syntax, "
                        + "s.search_count, (select count(*) from source_record r where r.source_id = s.id) "
                        + "from source s where s.project_id = :p order by s.id")
                .bind("p", projectId)
                .map((rs, ctx) -> {
                    long reported = rs.getLong(8);
                    boolean noReport = rs.wasNull();
                    return new Row(rs.getLong(1), rs.getString(2), rs.getString(3), rs.getString(4), rs.getString(5),
                            rs.getString(6), rs.getString(7), noReport ? null : reported, rs.getLong(9));
                })
                .list();
    }
}

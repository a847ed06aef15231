package dev.winnow.store;

import java.util.ArrayList;
import java.util.Collection;
import java.util.List;

/**
 * Ids cut into batches for {@code id in (<ids>)} queries: each id is one bound parameter, and
 * SQLite and PostgreSQL cap a statement's parameters (32,766 and 65,535), so thousands of ids go in
 * several statements.
 */
public final class IdBatches {
    /** Ids per statement. */
    public static final int SIZE = 500;

    private IdBatches() {
    }

    /** The ids in their order, {@link #SIZE} at a time (views of the list given, not copies). */
    public static List<List<Long>> of(Collection<Long> ids) {
        List<Long> all = ids instanceof List<Long> list ? list : List.copyOf(ids);
        List<List<Long>> out = new ArrayList<>();
        for (int i = 0; i < all.size(); i += SIZE) {
            out.add(all.subList(i, Math.min(all.size(), i + SIZE)));
        }
        return out;
    }
}

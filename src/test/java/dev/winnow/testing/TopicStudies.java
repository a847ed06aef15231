package dev.winnow.testing;

import dev.winnow.record.Record;
import dev.winnow.store.StudyStore;
import java.util.ArrayList;
import java.util.List;
import org.jdbi.v3.core.Handle;

/**
 * A small labelled project for ranking tests: every 4th study record is about early palliative
 * care shared by general practice and oncology (the relevant ones share those words), the others
 * about orthopaedic surgery.
 */
public final class TopicStudies {
    private TopicStudies() {
    }

    /** Whether the {@code index}-th inserted record is one of the relevant ones. */
    public static boolean relevant(int index) {
        return index % 4 == 0;
    }

    /** The relevant ones among ids in insertion order. */
    public static List<Long> relevantOf(List<Long> ids) {
        List<Long> out = new ArrayList<>();
        for (int i = 0; i < ids.size(); i++) {
            if (relevant(i)) {
                out.add(ids.get(i));
            }
        }
        return out;
    }

    /** Inserts {@code count} study records into the project; their ids in insertion order. */
    public static List<Long> insert(Handle h, long projectId, int count) {
        List<Long> ids = new ArrayList<>();
        for (int i = 0; i < count; i++) {
            boolean on = relevant(i);
            ids.add(StudyStore.insert(h, projectId, Record.builder()
                    .title(on ? "Early palliative care shared by general practice and oncology, site " + i
                            : "Knee replacement outcomes after fracture surgery, cohort " + i)
                    .abstractText(on ? "A shared model of palliative care for patients with cancer in primary care."
                            : "Orthopaedic patients followed after surgery of the knee and hip.")
                    .build()).id());
        }
        return ids;
    }
}

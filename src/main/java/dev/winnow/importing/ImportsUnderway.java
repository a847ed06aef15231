package dev.winnow.importing;

import dev.winnow.store.Clock;
import java.util.ArrayList;
import java.util.Comparator;
import java.util.List;
import java.util.Map;
import java.util.concurrent.ConcurrentHashMap;
import java.util.concurrent.atomic.AtomicLong;

/**
 * The imports this server is running now, per project, so that a page opened (or reloaded) during
 * a long import can show how far it has got. Held in memory by the one server process that runs
 * the import; gone when the import ends (its report is then stored with the file).
 */
public final class ImportsUnderway {
    /** One import in progress: its file, what it is doing, records stored, about what share of the file. */
    public record Underway(long projectId, String file, String phase, int records, double share, String startedAt) {
        /** The share as a whole percent, or -1 when unknown. */
        public int percent() {
            return share < 0 ? -1 : (int) Math.round(Math.min(1.0, share) * 100);
        }
    }

    private final Map<Long, Underway> running = new ConcurrentHashMap<>();
    private final AtomicLong ids = new AtomicLong();

    /** A progress listener for one import into a project; it removes itself when the file is done. */
    public ImportProgress track(long projectId) {
        long id = ids.incrementAndGet();
        String started = Clock.now();
        return new ImportProgress() {
            @Override
            public void stored(String file, int records, double share) {
                running.put(id, new Underway(projectId, file, "reading", records, share, started));
            }

            @Override
            public void deduplicating(String file, int records) {
                running.put(id, new Underway(projectId, file, "deduplicating", records, 1.0, started));
            }

            @Override
            public void finished(String file) {
                running.remove(id);
            }
        };
    }

    /** The imports into a project running now, oldest first. */
    public List<Underway> of(long projectId) {
        List<Underway> out = new ArrayList<>();
        running.values().stream().filter(u -> u.projectId() == projectId).forEach(out::add);
        out.sort(Comparator.comparing(Underway::startedAt));
        return out;
    }
}

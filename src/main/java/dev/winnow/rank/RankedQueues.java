package dev.winnow.rank;

import dev.winnow.UserError;
import dev.winnow.protocol.ProtocolService;
import dev.winnow.rank.stop.StoppingRule;
import dev.winnow.rank.stop.StoppingRules;
import dev.winnow.screen.QueueOrder;
import dev.winnow.screen.StageName;
import dev.winnow.store.Database;
import dev.winnow.store.StageStore;
import java.time.Duration;
import java.time.Instant;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.concurrent.ArrayBlockingQueue;
import java.util.concurrent.ConcurrentHashMap;
import java.util.concurrent.CopyOnWriteArrayList;
import java.util.concurrent.Executor;
import java.util.concurrent.RejectedExecutionException;
import java.util.concurrent.ThreadPoolExecutor;
import java.util.concurrent.TimeUnit;
import java.util.concurrent.atomic.AtomicLong;
import java.util.function.Consumer;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;

/**
 * The screening queue's order from the active-learning ranking, kept in memory per (project,
 * stage, reviewer) and refreshed in the background, so that "next record" never waits for a model.
 *
 * <p>{@link #preferred} answers from the last {@link Standing} computed (record order before the
 * first one exists) and never trains. {@link #refresh} asks for a recomputation, after a decision:
 * one small executor (one thread) does the work, and requests for the same reviewer coalesce — at
 * most one refresh of a key is running or queued, plus one pending for requests that arrived while
 * it ran. A standing older than {@link #STALE} is refreshed when read, so decisions made through
 * another Winnow instance on the same database show up within that time.
 *
 * <p><b>Only a cache.</b> Every instance computes its own standings from the database; nothing
 * here is stored, and a missing or stale order only makes the queue less helpful — the screening
 * service re-checks every preferred record against the database before offering it.
 *
 * <p>The ranking is for title/abstract screening; at full text the order is record order and no
 * estimate is given.
 */
public final class RankedQueues implements QueueOrder, AutoCloseable {
    private static final Logger LOG = LoggerFactory.getLogger(RankedQueues.class);
    /** A standing older than this is recomputed (in the background) when read. */
    public static final Duration STALE = Duration.ofSeconds(30);
    private static final int MAX_QUEUED = 1024;

    private final Database db;
    private final RankService service;
    private final Executor executor;
    private final ThreadPoolExecutor ownExecutor;
    private final Map<Key, Slot> slots = new ConcurrentHashMap<>();
    private final Map<String, Long> stageIds = new ConcurrentHashMap<>();
    private final AtomicLong sequence = new AtomicLong();
    private final AtomicLong refreshes = new AtomicLong();
    private final List<Consumer<Standing>> listeners = new CopyOnWriteArrayList<>();

    /** One reviewer at one stage of one project. */
    public record Key(long projectId, long stageId, long userId) {
    }

    /** Per key: the last standing, and whether a refresh is scheduled (queued or running) or pending. */
    private static final class Slot {
        volatile Standing standing;
        volatile long standingSequence = -1;
        boolean scheduled;
        boolean pending;
    }

    /** Refreshes on one background thread of its own (daemon; stopped by {@link #close}). */
    public RankedQueues(Database db) {
        this(db, new RankService(db), null);
    }

    /** Refreshes on {@code executor} (tests pass one they drive by hand). */
    public RankedQueues(Database db, RankService service, Executor executor) {
        this.db = db;
        this.service = service;
        if (executor == null) {
            this.ownExecutor = new ThreadPoolExecutor(1, 1, 0, TimeUnit.SECONDS, new ArrayBlockingQueue<>(MAX_QUEUED),
                    r -> {
                        Thread t = new Thread(r, "winnow-rank");
                        t.setDaemon(true);
                        t.setPriority(Thread.NORM_PRIORITY - 1);
                        return t;
                    });
            this.executor = ownExecutor;
        } else {
            this.ownExecutor = null;
            this.executor = executor;
        }
    }

    // ------------------------------------------------------------------ reading (request thread, from memory)

    @Override
    public List<Long> preferred(long projectId, long stageId, long userId) {
        Key key = new Key(projectId, stageId, userId);
        Slot slot = slots.get(key);
        Standing s = slot == null ? null : slot.standing;
        if (s == null || s.computedAt().plus(STALE).isBefore(Instant.now())) {
            refresh(key);
        }
        return s == null ? List.of() : s.order();
    }

    /** The last standing computed for this reviewer, if any (no computation here). */
    public Optional<Standing> standing(long projectId, long stageId, long userId) {
        Slot slot = slots.get(new Key(projectId, stageId, userId));
        return Optional.ofNullable(slot == null ? null : slot.standing);
    }

    /** The same, by stage name (empty when the stage does not exist yet). */
    public Optional<Standing> standing(long projectId, StageName stage, long userId) {
        return stageId(projectId, stage).flatMap(id -> standing(projectId, id, userId));
    }

    // ------------------------------------------------------------------ refreshing (background)

    /** After a reviewer's decision: recompute their standing in the background. */
    public void decided(long projectId, StageName stage, long userId) {
        stageId(projectId, stage).ifPresent(id -> refresh(new Key(projectId, id, userId)));
    }

    /** After a resolution (it trains every reviewer of the stage): recompute the standings known here. */
    public void resolved(long projectId, StageName stage) {
        stageId(projectId, stage).ifPresent(id -> slots.keySet().stream()
                .filter(k -> k.projectId() == projectId && k.stageId() == id).toList().forEach(this::refresh));
    }

    /** Asks for a background recomputation of one key; coalesces with one already scheduled. */
    public void refresh(Key key) {
        Slot slot = slots.computeIfAbsent(key, k -> new Slot());
        synchronized (slot) {
            if (slot.scheduled) {
                slot.pending = true;
                return;
            }
            slot.scheduled = true;
        }
        submit(key, slot);
    }

    private void submit(Key key, Slot slot) {
        try {
            executor.execute(() -> run(key, slot));
        } catch (RejectedExecutionException full) {
            // closed, or too many reviewers waiting: drop it; the next decision or read asks again
            synchronized (slot) {
                slot.scheduled = false;
                slot.pending = false;
            }
        }
    }

    private void run(Key key, Slot slot) {
        synchronized (slot) {
            slot.pending = false;
        }
        long started = System.nanoTime();
        try {
            compute(key);
        } catch (UserError e) {
            // e.g. a stage created by a transaction not committed yet: the next read asks again
            LOG.debug("ranking refresh of {} skipped: {}", key, e.getMessage());
        } catch (RuntimeException e) {
            LOG.warn("ranking refresh of {} failed: {}", key, e.toString());
        }
        boolean again;
        synchronized (slot) {
            again = slot.pending;
            slot.scheduled = again;
        }
        if (again) {
            submit(key, slot); // requests came in while it ran: one more pass picks them all up
        }
        restAfter(System.nanoTime() - started);
    }

    /**
     * The ranking must not slow the requests it serves: after each refresh the background thread
     * rests twice as long as the refresh took, so it uses at most a third of one core. Under a busy
     * team the orders then lag a few decisions behind; the screening service skips what is no
     * longer open. (Measured with {@code winnow bench web --reviewers 50 --think-ms 1000}: resting
     * as long as the work gave p99 294 ms, twice as long 54 ms.)
     */
    private void restAfter(long nanos) {
        if (ownExecutor == null) {
            return; // a test's executor decides when work runs
        }
        try {
            Thread.sleep(Math.min(2 * TimeUnit.NANOSECONDS.toMillis(nanos), 4_000));
        } catch (InterruptedException e) {
            Thread.currentThread().interrupt();
        }
    }

    /**
     * Computes a reviewer's standing now, on the calling thread, and keeps it (the command line,
     * a one-shot process, ranks this way; the web server only in the background).
     */
    public Standing compute(long projectId, long stageId, long userId) {
        return compute(new Key(projectId, stageId, userId));
    }

    private Standing compute(Key key) {
        long seq = sequence.incrementAndGet();
        long start = System.nanoTime();
        record Setup(StageName stage, dev.winnow.protocol.StoppingRule registered) {
        }
        Setup setup = db.withHandle(h -> new Setup(StageStore.list(h, key.projectId()).stream()
                .filter(s -> s.id() == key.stageId()).findFirst().map(s -> StageName.parse(s.name()))
                .orElseThrow(() -> new UserError("no stage " + key.stageId() + " in project " + key.projectId())),
                ProtocolService.current(h, key.projectId()).protocol().stoppingRule()));
        Standing standing;
        if (setup.stage() != StageName.TITLE_ABSTRACT) {
            standing = new Standing(key.projectId(), key.stageId(), key.userId(), setup.stage(), List.of(), false, 0,
                    0, 0, 0, 0, null, null, null, Instant.now(), (System.nanoTime() - start) / 1_000_000);
        } else {
            StoppingRule rule;
            String note = null;
            try {
                rule = StoppingRules.registered(setup.registered());
            } catch (UserError e) {
                rule = StoppingRules.DEFAULT;
                note = "The protocol's stopping rule cannot be used (" + e.getMessage() + "); shown instead: "
                        + rule.name();
            }
            RankService.Queue q = service.queue(key.projectId(), key.stageId(), key.userId(), rule);
            standing = new Standing(key.projectId(), key.stageId(), key.userId(), setup.stage(), q.studyIds(),
                    q.ranked(), q.trainingLabels(), q.screened(), q.relevantFound(), q.irrelevantInARow(), q.total(),
                    rule, q.stopping(), note, Instant.now(), (System.nanoTime() - start) / 1_000_000);
        }
        Slot slot = slots.computeIfAbsent(key, k -> new Slot());
        synchronized (slot) {
            if (seq > slot.standingSequence) { // a slower, older computation never replaces a newer one
                slot.standing = standing;
                slot.standingSequence = seq;
            }
        }
        refreshes.incrementAndGet();
        listeners.forEach(l -> l.accept(standing));
        return standing;
    }

    /** Computes by stage name (creating nothing): empty when the project has no such stage yet. */
    public Optional<Standing> compute(long projectId, StageName stage, long userId) {
        return stageId(projectId, stage).map(id -> compute(projectId, id, userId));
    }

    // ------------------------------------------------------------------ housekeeping

    /** Called with every standing computed (on the computing thread): for logs, metrics and tests. */
    public void onRefreshed(Consumer<Standing> listener) {
        listeners.add(listener);
    }

    /** How many standings were computed since start. */
    public long refreshes() {
        return refreshes.get();
    }

    /** Waits until no refresh is scheduled; false when {@code timeout} passed first. */
    public boolean awaitIdle(Duration timeout) throws InterruptedException {
        long deadline = System.nanoTime() + timeout.toNanos();
        while (System.nanoTime() < deadline) {
            boolean busy = false;
            for (Slot s : slots.values()) {
                synchronized (s) {
                    busy |= s.scheduled;
                }
            }
            if (!busy) {
                return true;
            }
            Thread.sleep(5);
        }
        return false;
    }

    /** Drops a project's cached standings and features (e.g. after its study records were re-deduplicated). */
    public void forget(long projectId) {
        slots.keySet().removeIf(k -> k.projectId() == projectId);
        service.forget(projectId);
    }

    private Optional<Long> stageId(long projectId, StageName stage) {
        String k = projectId + "/" + stage.label();
        Long id = stageIds.get(k);
        if (id == null) {
            // once per stage and process: a one-row lookup (stage ids never change)
            Optional<Long> found = db.withHandle(h -> StageStore.find(h, projectId, stage.label()))
                    .map(StageStore.StageRow::id);
            found.ifPresent(v -> stageIds.put(k, v));
            return found;
        }
        return Optional.of(id);
    }

    @Override
    public void close() {
        if (ownExecutor != null) {
            ownExecutor.shutdownNow();
            try {
                ownExecutor.awaitTermination(5, TimeUnit.SECONDS);
            } catch (InterruptedException e) {
                Thread.currentThread().interrupt();
            }
        }
    }
}

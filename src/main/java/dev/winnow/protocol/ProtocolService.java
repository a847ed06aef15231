package dev.winnow.protocol;

import dev.winnow.UserError;
import dev.winnow.project.Project;
import dev.winnow.store.AuditStore;
import dev.winnow.store.Database;
import dev.winnow.store.Json;
import dev.winnow.store.ProtocolStore;
import dev.winnow.store.StageStore;
import dev.winnow.store.UserStore;
import dev.winnow.ingest.TextDecoder;
import java.io.IOException;
import java.io.Reader;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.List;
import java.util.Map;
import org.jdbi.v3.core.Handle;

/**
 * A project's protocol: saved versioned (every save is a new version, audited), read back, and
 * moved in and out as {@code protocol.yaml}. Saving also applies each stage's rules to the stage.
 */
public final class ProtocolService {
    private final Database db;

    public ProtocolService(Database db) {
        this.db = db;
    }

    /** A stored protocol and its version number (0 for the defaults of a project with none saved). */
    public record Versioned(int version, Protocol protocol, String createdAt, Long createdBy) {
    }

    /** Saves a new version by {@code username}; returns it. An unsound protocol is a {@link UserError}. */
    public Versioned save(Project project, Protocol protocol, String username) {
        List<String> problems = protocol.problems();
        if (!problems.isEmpty()) {
            throw new UserError("the protocol is not valid: " + String.join("; ", problems));
        }
        return db.inTransaction(h -> save(h, project, protocol, username, null));
    }

    /** Imports {@code protocol.yaml} as the project's next protocol version. */
    public Versioned importFile(Project project, Path file, String username) {
        Protocol protocol = ProtocolYaml.read(readText(file), file.getFileName().toString());
        return db.inTransaction(h -> save(h, project, protocol, username, file.getFileName().toString()));
    }

    /** The current protocol as YAML (the defaults when none was saved). */
    public String exportYaml(Project project) {
        return ProtocolYaml.write(current(project).protocol());
    }

    public Versioned current(Project project) {
        return db.withHandle(h -> current(h, project.id()));
    }

    public List<Versioned> history(Project project) {
        return db.withHandle(h -> ProtocolStore.history(h, project.id()).stream().map(ProtocolService::versioned).toList());
    }

    /** The project's newest protocol inside a unit of work (other services read their rules here). */
    public static Versioned current(Handle h, long projectId) {
        return ProtocolStore.latest(h, projectId).map(ProtocolService::versioned)
                .orElse(new Versioned(0, Protocol.empty(), null, null));
    }

    private static Versioned save(Handle h, Project project, Protocol protocol, String username, String fileName) {
        UserStore.User user = UserStore.ensure(h, username);
        ProtocolStore.ProtocolRow row = ProtocolStore.append(h, project.id(), Json.write(protocol), user.id());
        for (StageRules rules : protocol.stages()) {
            long stageId = StageStore.ensure(h, project.id(), rules.name().label()).id();
            StageStore.configure(h, stageId, rules.reviewersPerRecord(), rules.blinded(), rules.assignment());
        }
        AuditStore.record(h, project.id(), user.id(), username, "protocol.save", "protocol v" + row.version(),
                fileName == null ? Map.of("version", row.version()) : Map.of("version", row.version(), "file", fileName));
        return versioned(row);
    }

    private static Versioned versioned(ProtocolStore.ProtocolRow row) {
        return new Versioned(row.version(), parsed(row.body()), row.createdAt(), row.createdBy());
    }

    /**
     * Parsed protocols by their stored text: every screening request reads the protocol, and a
     * stored version never changes, so its text parses to the same (immutable) {@link Protocol}.
     * Keyed by the text itself, so it holds across databases and instances; bounded.
     */
    private static final Map<String, Protocol> PARSED = java.util.Collections.synchronizedMap(
            new java.util.LinkedHashMap<>(16, 0.75f, true) {
                @Override
                protected boolean removeEldestEntry(Map.Entry<String, Protocol> eldest) {
                    return size() > 64;
                }
            });

    private static Protocol parsed(String body) {
        Protocol p = PARSED.get(body);
        if (p == null) {
            p = Json.read(body, Protocol.class);
            PARSED.put(body, p);
        }
        return p;
    }

    private static String readText(Path file) {
        if (!Files.isRegularFile(file)) {
            throw new UserError(file + ": no such file");
        }
        try (TextDecoder.Decoded d = TextDecoder.open(file); Reader r = d.reader()) {
            StringBuilder sb = new StringBuilder();
            char[] buf = new char[8192];
            for (int n; (n = r.read(buf)) > 0; ) {
                sb.append(buf, 0, n);
            }
            return sb.toString();
        } catch (IOException e) {
            throw new UserError(file + ": cannot read the file: " + e.getMessage(), e);
        }
    }
}

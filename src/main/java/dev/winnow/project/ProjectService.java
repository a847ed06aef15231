package dev.winnow.project;

import dev.winnow.UserError;
import dev.winnow.store.UserStore.User;
import dev.winnow.store.Database;
import dev.winnow.store.ProjectStore;
import dev.winnow.store.StatusStore;
import java.util.List;

/** Creating, finding and summarising projects. */
public final class ProjectService {
    private final Database db;

    public ProjectService(Database db) {
        this.db = db;
    }

    /** Creates a project whose key is a slug of its title, made unique with "-2", "-3", … */
    public Project create(String title, ProjectKind kind, String description) {
        requireValid(title, description);
        return db.inTransaction(h -> insertWithSlug(h, title, kind, description));
    }

    /**
     * Creates a project as {@link #create} does, with {@code owner} as its first owner, in one
     * transaction: a project is never left without an owner (the web page and the API create
     * projects this way).
     */
    public Project createOwnedBy(String title, ProjectKind kind, String description, User owner) {
        requireValid(title, description);
        return db.inTransaction(h -> {
            Project p = insertWithSlug(h, title, kind, description);
            TeamService.put(h, p, owner.username(), Role.OWNER, owner);
            return p;
        });
    }

    private static void requireValid(String title, String description) {
        if (title == null || title.isBlank()) {
            throw new UserError("a project needs a title");
        }
        if (title.strip().length() > 500) {
            throw new UserError("a project title is at most 500 characters");
        }
        dev.winnow.record.PlainText.requirePrintable("a project title", title);
        dev.winnow.record.PlainText.requirePrintable("a project description", description);
    }

    private static Project insertWithSlug(org.jdbi.v3.core.Handle h, String title, ProjectKind kind,
                                          String description) {
        String base = Slugs.of(title);
        String key = base;
        for (int n = 2; ProjectStore.keyExists(h, key); n++) {
            key = base + "-" + n;
        }
        return ProjectStore.insert(h, key, title.strip(), kind, description);
    }

    /** Creates a project with a key chosen by the caller (the demo uses "demo"). */
    public Project createWithKey(String key, String title, ProjectKind kind, String description) {
        if (!Slugs.isKey(key)) {
            throw new UserError("'" + key + "' is not a project key: use lower-case letters, digits and hyphens");
        }
        return db.inTransaction(h -> {
            if (ProjectStore.keyExists(h, key)) {
                throw new UserError("a project with key '" + key + "' already exists");
            }
            return ProjectStore.insert(h, key, title.strip(), kind, description);
        });
    }

    public List<Project> list() {
        return db.withHandle(ProjectStore::list);
    }

    /**
     * Finds a project by key (or by numeric id). Unknown keys are a user error naming the
     * projects that do exist, so a typo is easy to see.
     */
    public Project get(String keyOrId) {
        if (keyOrId == null || keyOrId.isBlank()) {
            throw new UserError("no project given: pass --project KEY (see 'winnow project list')");
        }
        String k = keyOrId.strip();
        return db.withHandle(h -> {
            var found = ProjectStore.findByKey(h, k);
            if (found.isEmpty() && k.matches("\\d{1,18}")) {
                found = ProjectStore.findById(h, Long.parseLong(k));
            }
            return found.orElseThrow(() -> {
                List<String> keys = ProjectStore.list(h).stream().map(Project::key).toList();
                return new UserError("no project '" + k + "'"
                        + (keys.isEmpty() ? " (there are no projects yet: 'winnow project create TITLE')"
                                : "; projects here: " + String.join(", ", keys)));
            });
        });
    }

    public java.util.Optional<Project> find(String key) {
        return db.withHandle(h -> ProjectStore.findByKey(h, key));
    }

    public ProjectStatus status(Project p) {
        return db.withHandle(h -> StatusStore.status(h, p));
    }

    /** One page of the project's study records (the deduplicated records reviewers screen), in id order. */
    public java.util.List<dev.winnow.store.StudyStore.Study> studies(Project p, int offset, int limit) {
        return db.withHandle(h -> dev.winnow.store.StudyStore.page(h, p.id(), Math.max(0, offset),
                Math.max(1, Math.min(limit, 500))));
    }

    /** One study record of this project (empty when the id belongs to another project). */
    public java.util.Optional<dev.winnow.store.StudyStore.Study> study(Project p, long studyId) {
        return db.withHandle(h -> dev.winnow.store.StudyStore.find(h, studyId).filter(s -> s.projectId() == p.id()));
    }
}

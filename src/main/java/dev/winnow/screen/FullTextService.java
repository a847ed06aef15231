package dev.winnow.screen;

import dev.winnow.UserError;
import dev.winnow.project.Project;
import dev.winnow.store.AuditStore;
import dev.winnow.store.Database;
import dev.winnow.store.FullTextStore;
import dev.winnow.store.StudyStore;
import dev.winnow.store.UserStore;
import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.security.MessageDigest;
import java.security.NoSuchAlgorithmException;
import java.util.HexFormat;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import org.jdbi.v3.core.Handle;

/**
 * Full texts for the records that passed title/abstract: marking a report sought, attaching its PDF
 * (bytes kept in {@code full_text.content}, so a backup of the database is a backup of the PDFs;
 * text extracted with PDFBox), or marking it not retrieved with a reason (PRISMA's "reports not
 * retrieved"). Each call appends a row; the newest row per record is its state.
 */
public final class FullTextService {
    public static final String SOUGHT = "sought";
    public static final String RETRIEVED = "retrieved";
    public static final String NOT_RETRIEVED = "not-retrieved";
    /** PDFs larger than this are refused (a full text is rarely above a few megabytes). */
    public static final long MAX_BYTES = 100L * 1024 * 1024;

    private final Database db;

    public FullTextService(Database db) {
        this.db = db;
    }

    public FullTextStore.FullTextRow markSought(Project project, long studyId, String username) {
        return db.inTransaction(h -> append(h, project, studyId, username, SOUGHT, null, null, null, null));
    }

    public FullTextStore.FullTextRow markNotRetrieved(Project project, long studyId, String reason, String username) {
        if (reason == null || reason.isBlank()) {
            throw new UserError("say why the full text was not retrieved (--reason), e.g. \"not available from the library\"");
        }
        return db.inTransaction(h -> append(h, project, studyId, username, NOT_RETRIEVED, reason.strip(), null, null, null));
    }

    /** Attaches a PDF file to a study record and extracts its text. */
    public FullTextStore.FullTextRow attach(Project project, long studyId, Path pdf, String username) {
        String name = pdf.getFileName() == null ? pdf.toString() : pdf.getFileName().toString();
        byte[] bytes;
        try {
            if (!Files.isRegularFile(pdf)) {
                throw new UserError(pdf + ": no such file");
            }
            requireSize(name, Files.size(pdf));
            bytes = Files.readAllBytes(pdf);
        } catch (IOException e) {
            throw new UserError(pdf + ": cannot read the file: " + e.getMessage(), e);
        }
        return attach(project, studyId, name, bytes, username);
    }

    /** Attaches PDF bytes (a web upload) to a study record and extracts its text. */
    public FullTextStore.FullTextRow attach(Project project, long studyId, String fileName, byte[] pdf, String username) {
        requireSize(fileName, pdf.length);
        PdfText.Extracted text = PdfText.extract(pdf, fileName);
        return db.inTransaction(h -> append(h, project, studyId, username, RETRIEVED, null, fileName, pdf, text));
    }

    /** Refuses a file over {@link #MAX_BYTES} (callers may ask before reading it). */
    public static void requireSize(String fileName, long bytes) {
        if (bytes > MAX_BYTES) {
            throw new UserError(fileName + ": larger than " + (MAX_BYTES >> 20) + " MB; is it really one article?");
        }
    }

    /** The record's full-text state (the newest row), if any. */
    public Optional<FullTextStore.FullTextRow> status(Project project, long studyId) {
        return db.withHandle(h -> FullTextStore.latest(h, project.id(), studyId));
    }

    public List<FullTextStore.FullTextRow> statuses(Project project) {
        return db.withHandle(h -> FullTextStore.latest(h, project.id()));
    }

    public Optional<String> text(Project project, long studyId) {
        return db.withHandle(h -> requireStudy(h, project, studyId) ? FullTextStore.text(h, studyId) : Optional.empty());
    }

    public Optional<byte[]> pdf(Project project, long studyId) {
        return db.withHandle(h -> requireStudy(h, project, studyId) ? FullTextStore.content(h, studyId) : Optional.empty());
    }

    private static FullTextStore.FullTextRow append(Handle h, Project project, long studyId, String username,
                                                    String status, String reason, String fileName, byte[] pdf,
                                                    PdfText.Extracted text) {
        requireStudy(h, project, studyId);
        if (username == null || username.isBlank()) {
            throw new UserError("name who does this (--reviewer NAME)");
        }
        UserStore.User user = UserStore.ensure(h, username.strip());
        String sha = pdf == null ? null : sha256(pdf);
        FullTextStore.insert(h, new FullTextStore.NewFullText(project.id(), studyId, status, reason, fileName, sha, pdf,
                text == null ? null : text.text(), text == null ? null : text.pages(), user.id()));
        AuditStore.record(h, project.id(), user.id(), user.username(), "fulltext." + status, "study " + studyId,
                pdf == null ? (reason == null ? null : Map.of("reason", reason))
                        : Map.of("file", fileName, "sha256", sha, "pages", text.pages()));
        return FullTextStore.latest(h, project.id(), studyId).orElseThrow();
    }

    private static boolean requireStudy(Handle h, Project project, long studyId) {
        StudyStore.find(h, studyId).filter(s -> s.projectId() == project.id())
                .orElseThrow(() -> new UserError("no study record " + studyId + " in project " + project.key()));
        return true;
    }

    static String sha256(byte[] bytes) {
        try {
            return HexFormat.of().formatHex(MessageDigest.getInstance("SHA-256").digest(bytes));
        } catch (NoSuchAlgorithmException e) {
            throw new IllegalStateException(e);
        }
    }
}

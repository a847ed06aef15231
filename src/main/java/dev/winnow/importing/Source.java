package dev.winnow.importing;

/**
 * One place a project's records came from: a database on a platform ("MEDLINE" on "Ovid"), a
 * register, or an other-method source ("Reference lists", citation searching). PRISMA counts
 * records per source.
 */
public record Source(long id, long projectId, String name, String platform, SourceKind kind, OtherMethod otherMethod,
                     String searchString, String searchedOn, String createdAt) {

    /** "MEDLINE (Ovid)", or just the name when there is no platform. */
    public String display() {
        return platform == null || platform.isEmpty() ? name : name + " (" + platform + ")";
    }
}

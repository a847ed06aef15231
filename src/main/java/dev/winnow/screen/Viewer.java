package dev.winnow.screen;

/**
 * Who is asking. Every screening read takes one, so blinding cannot be forgotten by a caller:
 * a {@linkplain #reviewer reviewer} sees what the stage's blinding allows; the {@linkplain #overseer
 * overseer} (the report, the project owner's command line without --reviewer) sees everything.
 */
public record Viewer(Long userId, String name) {

    public static Viewer reviewer(long userId, String username) {
        return new Viewer(userId, username);
    }

    /** Unblinded access for reports and the owner's command line; {@code actor} names it in the audit log. */
    public static Viewer overseer(String actor) {
        return new Viewer(null, actor);
    }

    public boolean isOverseer() {
        return userId == null;
    }
}

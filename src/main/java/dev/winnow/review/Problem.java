package dev.winnow.review;

/**
 * A state the review cannot go on from as it is, named in words with the way out: an empty
 * project, records waiting for deduplication, a protocol without criteria, a stage without enough
 * reviewers.
 *
 * @param kind    a stable name: empty-project, awaiting-dedup, no-criteria, no-reviewers, few-reviewers,
 *                nothing-at-full-text
 * @param message what is wrong, with its count ("84 records are waiting for deduplication")
 * @param next    what to do about it, in words
 * @param page    the project page to do it on, relative to {@code /p/KEY}
 * @param command the command line that does it ("" when there is none)
 */
public record Problem(String kind, String message, String next, String page, String command) {

    /** The problem as one line for the command line: message — command (or the next action). */
    public String line() {
        return message + " — " + (command.isEmpty() ? next : "run `" + command + "`");
    }
}

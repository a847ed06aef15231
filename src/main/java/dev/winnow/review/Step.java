package dev.winnow.review;

/**
 * One step of a review's checklist: where it stands, its figures in words, and what moves it on.
 *
 * @param id      a stable name ("sources", "dedup", "protocol", "team", "pilot", "screen-title-abstract", …)
 * @param summary the step's figures in a sentence
 * @param next    the next action in words ("" when there is none)
 * @param page    the project page that moves it on, relative to {@code /p/KEY} ("/sources")
 * @param command the command line that moves it on ("" when the web is the way)
 */
public record Step(String id, String title, State state, String summary, String next, String page, String command) {

    /** Where a step stands. */
    public enum State {
        DONE("done", "[x]"),
        IN_PROGRESS("in progress", "[~]"),
        TODO("to do", "[ ]"),
        /** Something must be put right before the review can go on (named in the summary). */
        BLOCKED("needs attention", "[!]"),
        /** Not required (a pilot round). */
        OPTIONAL("optional", "[-]");

        private final String label;
        private final String mark;

        State(String label, String mark) {
            this.label = label;
            this.mark = mark;
        }

        public String label() {
            return label;
        }

        /** The checkbox the command line prints. */
        public String mark() {
            return mark;
        }

        /** A CSS-friendly name. */
        public String css() {
            return name().toLowerCase(java.util.Locale.ROOT).replace('_', '-');
        }
    }
}

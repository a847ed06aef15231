package dev.winnow.dedup;

/**
 * The one threshold of the rules that is fitted to data rather than explained by a kind of record:
 * how similar two titles must be for the title rules to merge without an identifier. The rules that
 * ask less of the other fields ask a little more of the title: each states its threshold as an
 * offset from this one ({@link #title}).
 * {@link #DEFAULT} is what the product uses; {@code winnow bench dedup} refits it with each gold set
 * left out and reports what the held-out set gets, so a reader sees whether it generalises.
 *
 * @param titleAgrees minimum title similarity (Dice of character bigrams) of the title+authors+journal rule
 */
public record Tuning(double titleAgrees) {
    /** The shipped value. */
    public static final Tuning DEFAULT = new Tuning(0.93);

    public Tuning {
        if (!(titleAgrees > 0.5 && titleAgrees <= 1)) {
            throw new IllegalArgumentException("titleAgrees must be in (0.5, 1]: " + titleAgrees);
        }
    }

    /** A rule's title threshold: {@link #titleAgrees} plus the rule's offset, at most 1. */
    double title(double offset) {
        return Math.min(1, titleAgrees + offset);
    }
}

package dev.winnow.rank.models;

/**
 * What a {@link DualSvm} fit leaves for the next fit to start from: the dual variables α of its
 * rows, their labels, the compact weights over the matrix's shared columns (the first
 * {@code columns} of {@code weights}), each row's margin over those columns, the bias, and the
 * packed rows. A warm start takes these arrays over (and changes them), so a model whose state
 * was used as a warm start must not be used again.
 */
public record DualState(double[] alpha, boolean[] relevant, double[] weights, int columns, double[] margins,
                        double bias, TrainingMatrix matrix) {
}

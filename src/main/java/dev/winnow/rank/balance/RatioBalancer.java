package dev.winnow.rank.balance;

/**
 * ASReview's "balanced" balancer ({@code asreview/models/balancers.py}): relevant records weigh
 * 1 and irrelevant ones {@code R / (ratio · I)}, so the relevant class carries {@code ratio}
 * times the total weight of the irrelevant class; then every weight is rescaled so the weights of
 * all n = R + I training records sum to n. Closed form:
 * {@code w_rel = n / (R · (1 + 1/ratio))}, {@code w_irr = n / (I · (1 + ratio))}.
 */
public record RatioBalancer(double ratio) implements Balancer {
    public RatioBalancer {
        if (!(ratio > 0)) {
            throw new IllegalArgumentException("ratio must be positive: " + ratio);
        }
    }

    @Override
    public ClassWeights weights(int relevant, int irrelevant) {
        if (relevant == 0 || irrelevant == 0) {
            return new ClassWeights(1, 1);
        }
        double rel = 1.0;
        double irr = (double) relevant / (ratio * irrelevant);
        double n = relevant + irrelevant;
        double scale = n / (rel * relevant + irr * irrelevant);
        return new ClassWeights(rel * scale, irr * scale);
    }
}

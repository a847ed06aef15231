package dev.winnow.rank.balance;

/** Every record weighs 1, whatever the class sizes. */
public record NoBalancer() implements Balancer {
    @Override
    public ClassWeights weights(int relevant, int irrelevant) {
        return new ClassWeights(1, 1);
    }
}

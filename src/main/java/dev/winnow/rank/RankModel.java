package dev.winnow.rank;

import dev.winnow.rank.balance.Balancer;
import dev.winnow.rank.combine.Learner;
import dev.winnow.rank.combine.SingleModel;
import dev.winnow.rank.features.TfIdf;
import dev.winnow.rank.models.Classifier;
import dev.winnow.rank.query.Querier;

/**
 * A named composition of the parts of active learning, as ASReview names its models: feature
 * extractor settings (with how many times a record's title is counted in its text), a learner
 * (a classifier with its balancer, or a combination of two) and a querier.
 */
public record RankModel(String name, String description, TfIdf.Settings features, int titleCopies, Learner learner,
                        Querier querier) {
    public RankModel {
        if (titleCopies < 1) {
            throw new IllegalArgumentException("a title is counted at least once: " + titleCopies);
        }
    }

    /** One classifier with its balancer, the title counted once. */
    public RankModel(String name, String description, TfIdf.Settings features, Classifier classifier,
                     Balancer balancer, Querier querier) {
        this(name, description, features, 1, new SingleModel(classifier, balancer), querier);
    }

    /** A record's text as this model reads it: the title {@code titleCopies} times, then the rest. */
    public String text(String title, String rest) {
        String t = title == null ? "" : title;
        StringBuilder b = new StringBuilder(t.length() * titleCopies + (rest == null ? 0 : rest.length()) + 8);
        for (int i = 0; i < titleCopies; i++) {
            b.append(t).append(' ');
        }
        return b.append(rest == null ? "" : rest).toString();
    }
}

package dev.winnow.rank;

import dev.winnow.rank.balance.Balancer;
import dev.winnow.rank.features.TfIdf;
import dev.winnow.rank.models.Classifier;
import dev.winnow.rank.query.Querier;

/**
 * A named composition of the parts of active learning, as ASReview names its models:
 * feature extractor settings, classifier, balancer and querier.
 */
public record RankModel(String name, String description, TfIdf.Settings features, Classifier classifier,
                        Balancer balancer, Querier querier) {
}

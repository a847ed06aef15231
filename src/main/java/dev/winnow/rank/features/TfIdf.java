package dev.winnow.rank.features;

import java.util.ArrayList;
import java.util.Arrays;
import java.util.HashMap;
import java.util.List;
import java.util.Map;

/**
 * TF-IDF features of a growing corpus, built as scikit-learn's {@code TfidfVectorizer} does for
 * ASReview's ELAS u4: terms from a {@link TextAnalyzer}; terms kept when their document frequency
 * df satisfies {@code df >= minDf} and {@code df <= maxDf · n}; smooth idf
 * {@code ln((1 + n) / (1 + df)) + 1}; sublinear tf {@code 1 + ln(tf)} (or raw counts); rows
 * normalised to unit L2 length.
 *
 * <p>Incremental: {@link #add} tokenises only the new document and updates the counts ({@link
 * #replace} likewise for a document whose text changed); the
 * weighted rows are recomputed lazily (idf depends on every document) from stored term counts,
 * without re-reading any text.
 *
 * <p>Feature indices (columns) are assigned at each computation in order of decreasing document
 * frequency (ties: first seen first), so the weights of frequent terms sit together in memory and
 * dot products stay in cache; they are stable only between two additions, so a model must be
 * trained and applied on the same {@link #rows()} (the rows are equal up to that renumbering
 * however the corpus was grown).
 */
public final class TfIdf {
    /** The settings of a TF-IDF extractor. */
    public record Settings(boolean bigrams, int minDf, double maxDf, boolean sublinearTf, boolean stem) {
        /** ELAS u4's: word 1–2-grams, min_df 1, max_df 0.95, sublinear tf, words as written. */
        public static final Settings ELAS_U4 = new Settings(true, 1, 0.95, true, false);

        /** Words as written (no stemming). */
        public Settings(boolean bigrams, int minDf, double maxDf, boolean sublinearTf) {
            this(bigrams, minDf, maxDf, sublinearTf, false);
        }

        /** The same with English stems in place of the words (issue 18's candidates). */
        public Settings stemmed() {
            return new Settings(bigrams, minDf, maxDf, sublinearTf, true);
        }

        /** The same with another max_df (share of documents above which a term is dropped). */
        public Settings withMaxDf(double share) {
            return new Settings(bigrams, minDf, share, sublinearTf, stem);
        }
    }

    private final Settings settings;
    private final TextAnalyzer analyzer;
    private final Map<String, Integer> vocabulary = new HashMap<>();
    private int[] df = new int[1024];
    private final List<int[]> docTerms = new ArrayList<>();
    private final List<int[]> docCounts = new ArrayList<>();
    private List<SparseVector> rows;
    private int[] termOfColumn = new int[0];

    public TfIdf(Settings settings) {
        this.settings = settings;
        this.analyzer = new TextAnalyzer(settings.bigrams(), settings.stem());
    }

    public Settings settings() {
        return settings;
    }

    /** Adds one document; returns its row index. */
    public synchronized int add(String text) {
        docTerms.add(null);
        docCounts.add(null);
        int row = docTerms.size() - 1;
        count(row, text);
        return row;
    }

    /**
     * Gives a document new text (a study record whose fields changed): its old terms leave the
     * document frequencies, the new ones enter, and the row keeps its index. Empty text leaves a
     * row with no terms (a document that no longer exists still counts in n until the corpus is
     * rebuilt).
     */
    public synchronized void replace(int row, String text) {
        if (row < 0 || row >= docTerms.size()) {
            throw new IndexOutOfBoundsException("no row " + row + " among " + docTerms.size());
        }
        for (int t : docTerms.get(row)) {
            df[t]--;
        }
        count(row, text);
    }

    private void count(int row, String text) {
        Map<Integer, Integer> counts = new HashMap<>();
        for (String term : analyzer.terms(text)) {
            Integer id = vocabulary.get(term);
            if (id == null) {
                id = vocabulary.size();
                vocabulary.put(term, id);
            }
            counts.merge(id, 1, Integer::sum);
        }
        int[] ids = counts.keySet().stream().mapToInt(Integer::intValue).sorted().toArray();
        int[] c = new int[ids.length];
        for (int i = 0; i < ids.length; i++) {
            c[i] = counts.get(ids[i]);
            if (ids[i] >= df.length) {
                df = Arrays.copyOf(df, Math.max(df.length * 2, ids[i] + 1));
            }
            df[ids[i]]++;
        }
        docTerms.set(row, ids);
        docCounts.set(row, c);
        rows = null;
    }

    /** Adds every document in order; returns the index of the first. */
    public synchronized int addAll(List<String> texts) {
        int first = docTerms.size();
        texts.forEach(this::add);
        return first;
    }

    public synchronized int documents() {
        return docTerms.size();
    }

    /** The number of feature indices in use (the vocabulary size). */
    public synchronized int dimension() {
        return vocabulary.size();
    }

    /** The term of a feature index of the current {@link #rows()}, for explanations; null when unknown. */
    public synchronized String term(int index) {
        rows();
        if (index < 0 || index >= termOfColumn.length) {
            return null;
        }
        for (Map.Entry<String, Integer> e : vocabulary.entrySet()) {
            if (e.getValue() == termOfColumn[index]) {
                return e.getKey();
            }
        }
        return null;
    }

    /** The weighted, normalised rows of every document, in the order added. */
    public synchronized List<SparseVector> rows() {
        if (rows == null) {
            rows = new FeatureRows(compute(), vocabulary.size());
        }
        return rows;
    }

    private List<SparseVector> compute() {
        int n = docTerms.size();
        int terms = vocabulary.size();
        double[] idf = new double[terms];
        double high = settings.maxDf() * n;
        for (int t = 0; t < terms; t++) {
            boolean kept = df[t] >= settings.minDf() && df[t] <= high;
            idf[t] = kept ? Math.log((1.0 + n) / (1.0 + df[t])) + 1.0 : 0.0;
        }
        // columns by decreasing df (a counting sort, stable: first seen first)
        int maxDf = 0;
        for (int t = 0; t < terms; t++) {
            maxDf = Math.max(maxDf, df[t]);
        }
        int[] start = new int[maxDf + 2];
        for (int t = 0; t < terms; t++) {
            start[maxDf - df[t] + 1]++;
        }
        for (int k = 1; k < start.length; k++) {
            start[k] += start[k - 1];
        }
        int[] column = new int[terms];
        termOfColumn = new int[terms];
        for (int t = 0; t < terms; t++) {
            column[t] = start[maxDf - df[t]]++;
            termOfColumn[column[t]] = t;
        }
        List<SparseVector> out = new ArrayList<>(n);
        for (int d = 0; d < n; d++) {
            int[] ids = docTerms.get(d);
            int[] counts = docCounts.get(d);
            int kept = 0;
            int[] idx = new int[ids.length];
            double[] val = new double[ids.length];
            double sq = 0;
            for (int i = 0; i < ids.length; i++) {
                double w = idf[ids[i]];
                if (w == 0) {
                    continue;
                }
                double tf = settings.sublinearTf() ? 1.0 + Math.log(counts[i]) : counts[i];
                idx[kept] = column[ids[i]];
                val[kept] = tf * w;
                sq += val[kept] * val[kept];
                kept++;
            }
            double norm = Math.sqrt(sq);
            if (norm > 0) {
                for (int i = 0; i < kept; i++) {
                    val[i] /= norm;
                }
            }
            out.add(sorted(Arrays.copyOf(idx, kept), Arrays.copyOf(val, kept)));
        }
        return out;
    }

    private static SparseVector sorted(int[] idx, double[] val) {
        Integer[] by = new Integer[idx.length];
        for (int i = 0; i < by.length; i++) {
            by[i] = i;
        }
        Arrays.sort(by, (a, b) -> Integer.compare(idx[a], idx[b]));
        int[] i2 = new int[idx.length];
        double[] v2 = new double[idx.length];
        for (int i = 0; i < by.length; i++) {
            i2[i] = idx[by[i]];
            v2[i] = val[by[i]];
        }
        return new SparseVector(i2, v2);
    }
}

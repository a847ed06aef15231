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
    public record Settings(boolean bigrams, int minDf, double maxDf, boolean sublinearTf, boolean stem, int charGrams,
                           double charWeight) {
        /** ELAS u4's: word 1–2-grams, min_df 1, max_df 0.95, sublinear tf, words as written. */
        public static final Settings ELAS_U4 = new Settings(true, 1, 0.95, true, false, 0, 0);

        public Settings {
            if (charGrams < 0 || charGrams == 1 || charWeight < 0) {
                throw new IllegalArgumentException("character grams of 2 or more characters, weight >= 0: "
                        + charGrams + ", " + charWeight);
            }
        }

        /** Words as written, no character grams. */
        public Settings(boolean bigrams, int minDf, double maxDf, boolean sublinearTf) {
            this(bigrams, minDf, maxDf, sublinearTf, false, 0, 0);
        }

        /** The same with English stems in place of the words (issue 18's candidates). */
        public Settings stemmed() {
            return new Settings(bigrams, minDf, maxDf, sublinearTf, true, charGrams, charWeight);
        }

        /** The same with another max_df (share of documents above which a term is dropped). */
        public Settings withMaxDf(double share) {
            return new Settings(bigrams, minDf, share, sublinearTf, stem, charGrams, charWeight);
        }

        /**
         * The same plus a second block of features: the character n-grams of each word with its
         * boundaries marked ("_metoprolol_" → "_met", "meto", …, "lol_" for n = 4; a word of n − 2
         * characters or fewer is one gram), weighted as TF-IDF with the same df limits and
         * normalised on their own, then scaled by {@code weight}: a row is the unit word block
         * followed by {@code weight} × the unit gram block. Words that share a stem or a suffix
         * ("-olol", "-triptan", "-prazole") share grams.
         */
        public Settings withCharGrams(int n, double weight) {
            return new Settings(bigrams, minDf, maxDf, sublinearTf, stem, n, weight);
        }
    }

    private final Settings settings;
    private final TextAnalyzer analyzer;
    private final Map<String, Integer> vocabulary = new HashMap<>();
    /** Term ids that are character grams (the second block of a row). */
    private final java.util.BitSet gramTerms = new java.util.BitSet();
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
        List<String> words = analyzer.words(text); // split once for both blocks
        for (String term : analyzer.termsOf(words)) {
            counts.merge(termId(term, false), 1, Integer::sum);
        }
        if (settings.charGrams() > 0) {
            for (String gram : analyzer.charGramsOf(words, settings.charGrams())) {
                counts.merge(termId(gram, true), 1, Integer::sum);
            }
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

    /** A term's id, new ones numbered in order of first appearance; grams are kept apart from words. */
    private int termId(String term, boolean gram) {
        String key = gram ? GRAM_MARK + term : term;
        Integer id = vocabulary.get(key);
        if (id == null) {
            id = vocabulary.size();
            vocabulary.put(key, id);
            if (gram) {
                gramTerms.set(id);
            }
        }
        return id;
    }

    /** Prefixes a gram's key: no word term contains it (words are runs of word characters). */
    private static final String GRAM_MARK = "#";

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
            boolean[] isGram = new boolean[ids.length];
            double sq = 0;
            double sqGrams = 0;
            for (int i = 0; i < ids.length; i++) {
                double w = idf[ids[i]];
                if (w == 0) {
                    continue;
                }
                double tf = settings.sublinearTf() ? 1.0 + Math.log(counts[i]) : counts[i];
                idx[kept] = column[ids[i]];
                val[kept] = tf * w;
                isGram[kept] = gramTerms.get(ids[i]);
                if (isGram[kept]) {
                    sqGrams += val[kept] * val[kept];
                } else {
                    sq += val[kept] * val[kept];
                }
                kept++;
            }
            double norm = Math.sqrt(sq);
            double gramScale = sqGrams > 0 ? settings.charWeight() / Math.sqrt(sqGrams) : 0;
            for (int i = 0; i < kept; i++) {
                if (isGram[i]) {
                    val[i] *= gramScale;
                } else if (norm > 0) {
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

package dev.winnow.rank.features;

import java.io.IOException;
import java.io.StringReader;
import java.io.UncheckedIOException;
import java.util.ArrayList;
import java.util.List;
import java.util.regex.Pattern;
import org.apache.lucene.analysis.Analyzer;
import org.apache.lucene.analysis.LowerCaseFilter;
import org.apache.lucene.analysis.TokenStream;
import org.apache.lucene.analysis.Tokenizer;
import org.apache.lucene.analysis.pattern.PatternTokenizer;
import org.apache.lucene.analysis.snowball.SnowballFilter;
import org.apache.lucene.analysis.tokenattributes.CharTermAttribute;

/**
 * Turns text into terms exactly as scikit-learn's {@code CountVectorizer} does by default: tokens
 * are the runs of at least two Unicode word characters (its token pattern {@code \b\w\w+\b}, via
 * Lucene's {@link PatternTokenizer}), lower-cased; then the word unigrams and, if asked, the
 * bigrams of consecutive tokens (written "a b"). So "0.05" gives "05", "patient's" gives
 * "patient", "IL-6" gives "il" (single characters are never tokens nor bigram members).
 * Thread-safe: Lucene analyzers reuse per-thread token streams.
 */
public final class TextAnalyzer {
    /** scikit-learn's default {@code token_pattern}, with Python 3's Unicode meaning of \w. */
    private static final Pattern TOKEN = Pattern.compile("\\b\\w\\w+\\b", Pattern.UNICODE_CHARACTER_CLASS);
    private final boolean bigrams;
    private final Analyzer analyzer;

    public TextAnalyzer(boolean bigrams) {
        this(bigrams, false);
    }

    /**
     * {@code stem}: each lower-cased word is reduced to its English stem (Snowball's English
     * stemmer, "Porter2": "patients" and "patient" → "patient", "randomized" → "random") before the
     * bigrams are formed.
     */
    public TextAnalyzer(boolean bigrams, boolean stem) {
        this.bigrams = bigrams;
        this.analyzer = new Analyzer() {
            @Override
            protected TokenStreamComponents createComponents(String field) {
                Tokenizer source = new PatternTokenizer(TOKEN, 0);
                TokenStream lower = new LowerCaseFilter(source);
                return new TokenStreamComponents(source,
                        stem ? new SnowballFilter(lower, new org.tartarus.snowball.ext.EnglishStemmer()) : lower);
            }
        };
    }

    /** The words of {@code text}, in order. */
    public List<String> words(String text) {
        List<String> out = new ArrayList<>();
        if (text == null || text.isBlank()) {
            return out;
        }
        try (TokenStream ts = analyzer.tokenStream("text", new StringReader(text))) {
            CharTermAttribute term = ts.addAttribute(CharTermAttribute.class);
            ts.reset();
            while (ts.incrementToken()) {
                out.add(term.toString());
            }
            ts.end();
        } catch (IOException e) {
            throw new UncheckedIOException(e);
        }
        return out;
    }

    /** Unigrams then (when enabled) bigrams of {@code text}. */
    public List<String> terms(String text) {
        return termsOf(words(text));
    }

    /** Unigrams then (when enabled) bigrams of words already split by {@link #words}. */
    public List<String> termsOf(List<String> words) {
        if (!bigrams || words.size() < 2) {
            return words;
        }
        List<String> out = new ArrayList<>(words.size() * 2 - 1);
        out.addAll(words);
        for (int i = 1; i < words.size(); i++) {
            out.add(words.get(i - 1) + ' ' + words.get(i));
        }
        return out;
    }

    /**
     * The character n-grams of each word of {@code text} (as {@link #words} gives them), with the
     * word's boundaries marked by '_': "_beta_" gives "_bet", "beta", "eta_" for n = 4; a marked
     * word of n characters or fewer is one gram.
     */
    public List<String> charGrams(String text, int n) {
        return charGramsOf(words(text), n);
    }

    /** The character n-grams of words already split by {@link #words}, as {@link #charGrams}. */
    public List<String> charGramsOf(List<String> words, int n) {
        List<String> out = new ArrayList<>();
        for (String word : words) {
            String marked = "_" + word + "_";
            if (marked.length() <= n) {
                out.add(marked);
                continue;
            }
            for (int i = 0; i + n <= marked.length(); i++) {
                out.add(marked.substring(i, i + n));
            }
        }
        return out;
    }
}

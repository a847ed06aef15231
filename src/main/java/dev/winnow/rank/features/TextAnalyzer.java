package dev.winnow.rank.features;

import java.io.IOException;
import java.io.StringReader;
import java.io.UncheckedIOException;
import java.util.ArrayList;
import java.util.List;
import org.apache.lucene.analysis.Analyzer;
import org.apache.lucene.analysis.LowerCaseFilter;
import org.apache.lucene.analysis.TokenStream;
import org.apache.lucene.analysis.Tokenizer;
import org.apache.lucene.analysis.miscellaneous.LengthFilter;
import org.apache.lucene.analysis.standard.StandardTokenizer;
import org.apache.lucene.analysis.tokenattributes.CharTermAttribute;

/**
 * Turns text into terms: Lucene's standard (Unicode word-break) tokenizer, lower-cased, tokens
 * of at least two characters (as scikit-learn's default token pattern keeps), then the word
 * unigrams and, if asked, the bigrams of consecutive kept tokens (written "a b").
 * Thread-safe: Lucene analyzers reuse per-thread token streams.
 */
public final class TextAnalyzer {
    private final boolean bigrams;
    private final Analyzer analyzer = new Analyzer() {
        @Override
        protected TokenStreamComponents createComponents(String field) {
            Tokenizer source = new StandardTokenizer();
            TokenStream s = new LowerCaseFilter(source);
            s = new LengthFilter(s, 2, Integer.MAX_VALUE);
            return new TokenStreamComponents(source, s);
        }
    };

    public TextAnalyzer(boolean bigrams) {
        this.bigrams = bigrams;
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
        List<String> words = words(text);
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
}

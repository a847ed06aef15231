package dev.winnow.record;

import java.nio.ByteBuffer;
import java.nio.CharBuffer;
import java.nio.charset.CharacterCodingException;
import java.nio.charset.Charset;
import java.nio.charset.CharsetDecoder;
import java.nio.charset.CharsetEncoder;
import java.nio.charset.CodingErrorAction;
import java.nio.charset.StandardCharsets;

/**
 * Text that was UTF-8, decoded once as Windows-1252 or Mac Roman and saved again ("donâ€™t",
 * "Nepal√¢‚Ç¨‚Ñ¢s", "MÃ¼ller"), repaired when the repair is unambiguous.
 *
 * <p>Each maximal run of non-ASCII characters is tried on its own: written back to bytes in one of
 * the two encodings and read as UTF-8. A run repairs only when (1) every character of it has a
 * byte in that encoding, (2) the bytes are valid UTF-8 — which text that was never mis-decoded
 * almost never is: "é", "Québec", "ÅÄÖ", "NÃO" each fail it, since a lone accented letter is no
 * UTF-8 sequence —, (3) the result holds only letters of the common scripts, marks after letters,
 * digits, punctuation, symbols and spaces (no control, unassigned or private character), and (4)
 * the other encoding does not give another such result. The text is repaired only when every
 * non-ASCII run in it repairs: a mis-decoded text is mis-decoded throughout, so one run that does
 * not repair (the "„" of „Straße“) shows the text was right and the others are left alone too.
 * Text mis-decoded twice (Windows-1252 and then Mac Roman, as in "√¢‚Ç¨‚Ñ¢") is repaired in as
 * many steps, at most three. A string with nothing to repair is returned as the same instance.
 */
public final class Mojibake {
    private static final Charset WINDOWS_1252 = Charset.forName("windows-1252");
    private static final Charset MAC_ROMAN = Charset.forName("x-MacRoman");
    private static final int ROUNDS = 3;
    /** The scripts a bibliographic record is written in; a repair into another (NKo, Syriac …) is a coincidence. */
    private static final java.util.Set<Character.UnicodeScript> COMMON_SCRIPTS = java.util.EnumSet.of(
            Character.UnicodeScript.LATIN, Character.UnicodeScript.GREEK, Character.UnicodeScript.CYRILLIC,
            Character.UnicodeScript.COMMON, Character.UnicodeScript.INHERITED, Character.UnicodeScript.HAN,
            Character.UnicodeScript.HIRAGANA, Character.UnicodeScript.KATAKANA, Character.UnicodeScript.HANGUL,
            Character.UnicodeScript.ARABIC, Character.UnicodeScript.HEBREW, Character.UnicodeScript.THAI,
            Character.UnicodeScript.DEVANAGARI, Character.UnicodeScript.ARMENIAN, Character.UnicodeScript.GEORGIAN);

    private Mojibake() {
    }

    /** The text repaired, or the same instance when nothing in it is mis-decoded UTF-8 (null for null). */
    public static String repair(String text) {
        if (text == null || isAscii(text)) {
            return text;
        }
        String s = text;
        for (int round = 0; round < ROUNDS; round++) {
            String next = repairRuns(s);
            if (next == s) {
                break;
            }
            s = next;
        }
        return s.equals(text) ? text : s;
    }

    /** True when {@link #repair} would change the text. */
    public static boolean needsRepair(String text) {
        return repair(text) != text;
    }

    private static String repairRuns(String s) {
        StringBuilder out = null;
        int n = s.length();
        int i = 0;
        int copied = 0;
        while (i < n) {
            if (s.charAt(i) < 0x80) {
                i++;
                continue;
            }
            int start = i;
            while (i < n && s.charAt(i) >= 0x80) {
                i++;
            }
            String fixed = repairRun(s.substring(start, i));
            if (fixed == null) {
                return s; // text mis-decoded as a whole is mis-decoded in every run: this one is not, so keep all
            }
            if (out == null) {
                out = new StringBuilder(n);
            }
            out.append(s, copied, start).append(fixed);
            copied = i;
        }
        if (out == null) {
            return s;
        }
        return out.append(s, copied, n).toString();
    }

    /** The run repaired, or null when it is not unambiguously mis-decoded UTF-8. */
    private static String repairRun(String run) {
        if (run.length() < 2) {
            return null; // one character never holds a UTF-8 sequence of two bytes or more
        }
        String viaWindows = decode(run, WINDOWS_1252);
        String viaMac = decode(run, MAC_ROMAN);
        if (viaWindows != null && viaMac != null && !viaWindows.equals(viaMac)) {
            return null;
        }
        return viaWindows != null ? viaWindows : viaMac;
    }

    private static String decode(String run, Charset wrong) {
        byte[] bytes = bytes(run, wrong);
        if (bytes == null) {
            return null;
        }
        CharsetDecoder utf8 = StandardCharsets.UTF_8.newDecoder()
                .onMalformedInput(CodingErrorAction.REPORT)
                .onUnmappableCharacter(CodingErrorAction.REPORT);
        try {
            String fixed = utf8.decode(ByteBuffer.wrap(bytes)).toString();
            return plausible(fixed) ? fixed : null;
        } catch (CharacterCodingException e) {
            return null;
        }
    }

    /**
     * The bytes the run came from in an encoding, or null when a character has none. The five bytes
     * Windows-1252 leaves undefined (81, 8D, 8F, 90, 9D) come through many tools as the C1 control
     * characters of the same number: they count as those bytes.
     */
    private static byte[] bytes(String run, Charset wrong) {
        byte[] out = new byte[run.length()];
        CharsetEncoder enc = wrong.newEncoder()
                .onMalformedInput(CodingErrorAction.REPORT)
                .onUnmappableCharacter(CodingErrorAction.REPORT);
        for (int i = 0; i < run.length(); i++) {
            char c = run.charAt(i);
            if (wrong == WINDOWS_1252 && (c == 0x81 || c == 0x8D || c == 0x8F || c == 0x90 || c == 0x9D)) {
                out[i] = (byte) c;
                continue;
            }
            if (Character.isSurrogate(c)) {
                return null;
            }
            try {
                ByteBuffer b = enc.encode(CharBuffer.wrap(new char[] {c}));
                if (b.remaining() != 1) {
                    return null;
                }
                out[i] = b.get();
            } catch (CharacterCodingException e) {
                return null;
            }
        }
        return out;
    }

    /** Letters, digits, punctuation, symbols, spaces and marks after a letter: what real text is made of. */
    private static boolean plausible(String s) {
        for (int i = 0; i < s.length(); ) {
            int cp = s.codePointAt(i);
            int type = Character.getType(cp);
            switch (type) {
                case Character.CONTROL, Character.UNASSIGNED, Character.PRIVATE_USE, Character.SURROGATE,
                     Character.FORMAT -> {
                    if (cp != 0xAD) { // a soft hyphen is a format character that texts do carry
                        return false;
                    }
                }
                case Character.NON_SPACING_MARK, Character.ENCLOSING_MARK, Character.COMBINING_SPACING_MARK -> {
                    if (i == 0) {
                        return false; // the run starts after ASCII text: a mark here would sit on an ASCII letter
                    }
                }
                default -> {
                    if (Character.isLetter(cp) && !COMMON_SCRIPTS.contains(Character.UnicodeScript.of(cp))) {
                        return false;
                    }
                }
            }
            i += Character.charCount(cp);
        }
        return true;
    }

    private static boolean isAscii(String s) {
        for (int i = 0; i < s.length(); i++) {
            if (s.charAt(i) >= 0x80) {
                return false;
            }
        }
        return true;
    }
}

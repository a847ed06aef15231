package dev.winnow.web;

import java.util.Locale;

/**
 * How the web app is run. {@code secureCookies}: "auto" (default) marks cookies Secure when the
 * request came over https (directly or as told by a proxy's X-Forwarded-Proto), "always" or
 * "never" force it. Read from {@code WINNOW_SECURE_COOKIES}.
 */
public record WebOptions(String secureCookies, long maxUploadBytes) {
    public static WebOptions fromEnvironment() {
        String s = System.getenv("WINNOW_SECURE_COOKIES");
        String mode = s == null || s.isBlank() ? "auto" : s.strip().toLowerCase(Locale.ROOT);
        if (!mode.equals("auto") && !mode.equals("always") && !mode.equals("never")) {
            throw new dev.winnow.UserError("WINNOW_SECURE_COOKIES must be auto, always or never, not '" + s + "'");
        }
        return new WebOptions(mode, 512L * 1024 * 1024);
    }

    public static WebOptions defaults() {
        return new WebOptions("auto", 512L * 1024 * 1024);
    }
}

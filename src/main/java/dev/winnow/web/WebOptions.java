package dev.winnow.web;

import java.util.Arrays;
import java.util.Locale;
import java.util.Set;
import java.util.stream.Collectors;

/**
 * How the web app is run. {@code secureCookies}: "auto" (default) marks cookies Secure when the
 * request came over https (directly or as told by a proxy's X-Forwarded-Proto), "always" or
 * "never" force it. Read from {@code WINNOW_SECURE_COOKIES}. {@code trustedProxies}: the addresses
 * of reverse proxies whose {@code X-Forwarded-For} names the client (sign-in throttling counts by
 * client address); from anyone else the header is ignored. Read from {@code WINNOW_TRUSTED_PROXIES}
 * (comma-separated) or {@code serve --trusted-proxies}.
 */
public record WebOptions(String secureCookies, long maxUploadBytes, Set<String> trustedProxies) {
    public WebOptions {
        trustedProxies = trustedProxies == null ? Set.of() : Set.copyOf(trustedProxies);
    }

    public WebOptions(String secureCookies, long maxUploadBytes) {
        this(secureCookies, maxUploadBytes, Set.of());
    }

    public static WebOptions fromEnvironment() {
        return fromEnvironment(System.getenv("WINNOW_TRUSTED_PROXIES"));
    }

    /** From the environment, with the trusted proxies given (a comma-separated list, or null). */
    public static WebOptions fromEnvironment(String trustedProxies) {
        String s = System.getenv("WINNOW_SECURE_COOKIES");
        String mode = s == null || s.isBlank() ? "auto" : s.strip().toLowerCase(Locale.ROOT);
        if (!mode.equals("auto") && !mode.equals("always") && !mode.equals("never")) {
            throw new dev.winnow.UserError("WINNOW_SECURE_COOKIES must be auto, always or never, not '" + s + "'");
        }
        return new WebOptions(mode, 512L * 1024 * 1024, proxies(trustedProxies));
    }

    /** A comma-separated list of proxy addresses; an entry that is not an IP address is refused. */
    public static Set<String> proxies(String list) {
        if (list == null || list.isBlank()) {
            return Set.of();
        }
        Set<String> out = Arrays.stream(list.split(",")).map(String::strip).filter(x -> !x.isEmpty())
                .collect(Collectors.toSet());
        for (String a : out) {
            if (!a.matches("[0-9.]{7,15}|[0-9A-Fa-f:.]{2,45}")) {
                throw new dev.winnow.UserError("trusted proxies are IP addresses (e.g. 127.0.0.1,::1), not '" + a + "'");
            }
        }
        return out;
    }

    public static WebOptions defaults() {
        return new WebOptions("auto", 512L * 1024 * 1024);
    }
}

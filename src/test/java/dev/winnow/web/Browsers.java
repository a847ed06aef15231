package dev.winnow.web;

import com.microsoft.playwright.Browser;
import com.microsoft.playwright.BrowserContext;
import com.microsoft.playwright.BrowserType;
import com.microsoft.playwright.Page;
import com.microsoft.playwright.Playwright;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.List;
import java.util.Map;
import org.junit.jupiter.api.Assumptions;

/** Debian's Chromium driven by Playwright, as STACK-NOTES describes (no browser download). */
final class Browsers implements AutoCloseable {
    static final Path CHROMIUM = Path.of("/usr/bin/chromium");
    static final Path SCREENSHOTS = Path.of("target", "screenshots");
    private final Playwright playwright;
    final Browser browser;

    private Browsers() {
        playwright = Playwright.create(new Playwright.CreateOptions()
                .setEnv(Map.of("PLAYWRIGHT_SKIP_BROWSER_DOWNLOAD", "1")));
        browser = playwright.chromium().launch(new BrowserType.LaunchOptions()
                .setExecutablePath(CHROMIUM).setHeadless(true)
                .setArgs(List.of("--no-sandbox", "--disable-gpu", "--disable-quic", "--no-first-run",
                        "--disable-background-networking", "--disable-component-update", "--disable-sync")));
    }

    /** Starts the browser; skips the calling test (with the reason) where Chromium is not installed. */
    static Browsers start() {
        Assumptions.assumeTrue(Files.isExecutable(CHROMIUM),
                "browser tests need Debian's Chromium at /usr/bin/chromium (apt-get install chromium)");
        return new Browsers();
    }

    /** A fresh browser profile (its own cookies), one person at the app. */
    BrowserContext person() {
        return browser.newContext(new Browser.NewContextOptions().setViewportSize(1200, 900));
    }

    static void signIn(Page page, String base, String user, String password) {
        page.navigate(base + "/login");
        page.getByLabel("User name").fill(user);
        page.getByLabel("Password").fill(password);
        page.getByRole(com.microsoft.playwright.options.AriaRole.BUTTON,
                new Page.GetByRoleOptions().setName("Sign in")).click();
        page.waitForURL(u -> !u.contains("/login"));
    }

    static void screenshot(Page page, String name) {
        try {
            Files.createDirectories(SCREENSHOTS);
        } catch (java.io.IOException e) {
            throw new java.io.UncheckedIOException(e);
        }
        page.screenshot(new Page.ScreenshotOptions().setPath(SCREENSHOTS.resolve(name + ".png")).setFullPage(true));
    }

    @Override
    public void close() {
        browser.close();
        playwright.close();
    }
}

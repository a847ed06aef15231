package dev.winnow.cli;

import dev.winnow.UserError;
import java.io.IOException;
import java.io.Reader;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.Locale;
import java.util.Map;
import java.util.Properties;
import picocli.CommandLine.IDefaultValueProvider;
import picocli.CommandLine.Model.ArgSpec;
import picocli.CommandLine.Model.OptionSpec;

/**
 * Where option values come from when a flag is not given: the environment ({@code WINNOW_DB},
 * {@code WINNOW_PORT}, {@code WINNOW_HOST}, {@code WINNOW_SECURE_COOKIES}: {@code WINNOW_} + the option name
 * in capitals), then a
 * configuration file of {@code key = value} lines ({@code db}, {@code port}, {@code host}, …) named by
 * {@code WINNOW_CONFIG}, else {@code winnow.conf} in the working directory when it exists. Flags win
 * over both; the environment wins over the file.
 */
public final class ConfigDefaults implements IDefaultValueProvider {
    public static final String DEFAULT_FILE = "winnow.conf";
    /** The settings that may come from the environment or the file. */
    public static final java.util.Set<String> KEYS = java.util.Set.of("db", "port", "host", "secure-cookies",
            "trusted-proxies");

    private final Map<String, String> env;
    private final Properties file;
    private final Path fileName;

    public ConfigDefaults(Map<String, String> env, Path workingDir) {
        this.env = env;
        String named = env.get("WINNOW_CONFIG");
        Path p = named != null && !named.isBlank() ? Path.of(named) : workingDir.resolve(DEFAULT_FILE);
        if (named != null && !named.isBlank() && !Files.isRegularFile(p)) {
            throw new UserError("WINNOW_CONFIG names " + p + ", which is not a file");
        }
        this.fileName = p;
        this.file = new Properties();
        if (Files.isRegularFile(p)) {
            try (Reader r = Files.newBufferedReader(p, StandardCharsets.UTF_8)) {
                file.load(r);
            } catch (IOException | IllegalArgumentException e) {
                throw new UserError(p + ": cannot read the configuration: " + e.getMessage(), e);
            }
        }
    }

    @Override
    public String defaultValue(ArgSpec arg) {
        if (!(arg instanceof OptionSpec opt)) {
            return null;
        }
        String key = opt.longestName().replaceFirst("^-+", "");
        if (!KEYS.contains(key)) {
            return null;
        }
        String envName = "WINNOW_" + key.toUpperCase(Locale.ROOT).replace('-', '_');
        String v = env.get(envName);
        if (v != null && !v.isBlank()) {
            return v.strip();
        }
        String f = file.getProperty(key);
        return f == null || f.isBlank() ? null : f.strip();
    }

    /** The configuration file consulted (it may not exist). */
    public Path file() {
        return fileName;
    }
}

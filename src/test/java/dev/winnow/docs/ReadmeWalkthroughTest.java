package dev.winnow.docs;

import static org.assertj.core.api.Assertions.assertThat;

import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.nio.file.attribute.PosixFilePermissions;
import java.util.concurrent.TimeUnit;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/**
 * The README's "A review, start to finish" runs as written: its bash block is executed by bash, in a
 * fresh folder that sees the checkout's {@code src} (as a clone would), with {@code ./winnow} running
 * the classes under test (a JVM tuned for short commands). The one liberty: {@code ./winnow serve}
 * returns at once instead of serving.
 */
class ReadmeWalkthroughTest {
    static final String SECTION = "## A review, start to finish";

    static String walkthrough(String readme) {
        int at = readme.indexOf(SECTION);
        assertThat(at).as("README has the section " + SECTION).isNotNegative();
        int start = readme.indexOf("```bash\n", at) + "```bash\n".length();
        int end = readme.indexOf("```", start);
        return readme.substring(start, end);
    }

    @Test
    void theReadmeWalkthroughRunsTopToBottom(@TempDir Path dir) throws Exception {
        Path checkout = Path.of("").toAbsolutePath();
        String block = walkthrough(Files.readString(checkout.resolve("README.md"), StandardCharsets.UTF_8));
        assertThat(block).contains("./winnow import").contains("src/main/resources/demo/sample/");

        Files.createSymbolicLink(dir.resolve("src"), checkout.resolve("src"));
        String java = Path.of(System.getProperty("java.home"), "bin", "java").toString();
        Path launcher = dir.resolve("winnow");
        Files.writeString(launcher, "#!/usr/bin/env bash\n"
                + "if [ \"${1:-}\" = serve ]; then echo '(the walkthrough check does not start the server)'; exit 0; fi\n"
                + "exec " + quote(java) + " --enable-native-access=ALL-UNNAMED -XX:TieredStopAtLevel=1 -XX:+UseSerialGC -cp "
                + quote(System.getProperty("java.class.path")) + " dev.winnow.app.Main \"$@\"\n");
        Files.setPosixFilePermissions(launcher, PosixFilePermissions.fromString("rwxr-xr-x"));
        Path script = dir.resolve("walkthrough.sh");
        Files.writeString(script, "set -euo pipefail\n" + block);

        ProcessBuilder pb = new ProcessBuilder("bash", script.toString()).directory(dir.toFile())
                .redirectErrorStream(true);
        pb.environment().remove("WINNOW_DB");
        Process p = pb.start();
        String out = new String(p.getInputStream().readAllBytes(), StandardCharsets.UTF_8);
        assertThat(p.waitFor(5, TimeUnit.MINUTES)).isTrue();
        assertThat(p.exitValue()).as(out).isZero();

        assertThat(out).contains("early-palliative-care-integration")
                .contains("deduplicated: 7 records linked")
                .contains("[x] Duplicates resolved")
                .contains("Wrote prisma.svg").contains("Wrote checklist.html");
        assertThat(Files.readString(dir.resolve("prisma.svg"))).contains("<svg");
        assertThat(dir.resolve("protocol.yaml")).isNotEmptyFile();
        assertThat(dir.resolve("checklist.html")).isNotEmptyFile();
        assertThat(dir.resolve("winnow-data/winnow.db")).exists();
    }

    private static String quote(String s) {
        return "'" + s.replace("'", "'\\''") + "'";
    }
}

package dev.winnow.protocol;

import com.fasterxml.jackson.core.JsonLocation;
import com.fasterxml.jackson.core.JsonProcessingException;
import com.fasterxml.jackson.databind.DeserializationFeature;
import com.fasterxml.jackson.databind.JsonMappingException;
import com.fasterxml.jackson.databind.ObjectMapper;
import com.fasterxml.jackson.annotation.JsonInclude;
import com.fasterxml.jackson.dataformat.yaml.YAMLFactory;
import com.fasterxml.jackson.dataformat.yaml.YAMLGenerator;
import dev.winnow.UserError;
import dev.winnow.ingest.ParseException;
import java.io.IOException;
import java.io.InputStream;
import java.io.UncheckedIOException;
import java.nio.charset.StandardCharsets;
import java.util.List;
import java.util.stream.Collectors;

/**
 * The file form of a protocol, {@code protocol.yaml}: reading (with errors naming the line) and
 * writing. Unknown keys are errors, so a typo does not silently drop a rule.
 */
public final class ProtocolYaml {
    private static final String EXAMPLE = "example-protocol.yaml";
    private static final ObjectMapper YAML = new ObjectMapper(new YAMLFactory()
            .disable(YAMLGenerator.Feature.WRITE_DOC_START_MARKER)
            .enable(YAMLGenerator.Feature.MINIMIZE_QUOTES))
            .enable(DeserializationFeature.FAIL_ON_UNKNOWN_PROPERTIES)
            .setSerializationInclusion(JsonInclude.Include.NON_EMPTY);

    private ProtocolYaml() {
    }

    /** Reads a protocol; a bad file is a {@link ParseException} naming the file, the line and the problem. */
    public static Protocol read(String text, String fileName) {
        if (text == null || text.isBlank()) {
            throw new ParseException(fileName, 0, "the file is empty (expected a protocol: see 'winnow protocol example')");
        }
        Protocol p;
        try {
            p = YAML.readValue(text, Protocol.class);
        } catch (JsonMappingException e) {
            throw new ParseException(fileName, line(e.getLocation()), describe(e), e);
        } catch (JsonProcessingException e) {
            throw new ParseException(fileName, line(e.getLocation()), "not valid YAML: " + e.getOriginalMessage(), e);
        }
        if (p == null) {
            throw new ParseException(fileName, 0, "the file holds no protocol");
        }
        List<String> problems = p.problems();
        if (!problems.isEmpty()) {
            throw new UserError(fileName + ": " + String.join("; ", problems));
        }
        return p;
    }

    public static String write(Protocol p) {
        try {
            return YAML.writeValueAsString(p);
        } catch (JsonProcessingException e) {
            throw new IllegalStateException("cannot write the protocol as YAML: " + e.getOriginalMessage(), e);
        }
    }

    /** The running example's protocol (early palliative care shared by primary care and oncology). */
    public static String exampleText() {
        try (InputStream in = ProtocolYaml.class.getResourceAsStream(EXAMPLE)) {
            if (in == null) {
                throw new IllegalStateException("the example protocol is missing from the build");
            }
            return new String(in.readAllBytes(), StandardCharsets.UTF_8);
        } catch (IOException e) {
            throw new UncheckedIOException(e);
        }
    }

    public static Protocol example() {
        return read(exampleText(), EXAMPLE);
    }

    private static long line(JsonLocation loc) {
        return loc == null ? 0 : Math.max(0, loc.getLineNr());
    }

    private static String describe(JsonMappingException e) {
        String path = e.getPath().stream()
                .map(r -> r.getFieldName() != null ? r.getFieldName() : "[" + (r.getIndex() + 1) + "]")
                .collect(Collectors.joining(".")).replace(".[", "[");
        Throwable cause = e.getCause();
        String what;
        if (e instanceof com.fasterxml.jackson.databind.exc.UnrecognizedPropertyException u) {
            what = "unknown key '" + u.getPropertyName() + "' (known here: "
                    + u.getKnownPropertyIds().stream().map(Object::toString).sorted().collect(Collectors.joining(", ")) + ")";
        } else if (cause != null && cause.getMessage() != null
                && (cause instanceof IllegalArgumentException || cause instanceof UserError)) {
            what = cause.getMessage();
        } else {
            what = e.getOriginalMessage().lines().findFirst().orElse("unreadable value");
        }
        return (path.isEmpty() ? "" : path + ": ") + what;
    }
}

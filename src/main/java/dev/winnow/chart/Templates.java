package dev.winnow.chart;

import dev.winnow.UserError;
import java.io.IOException;
import java.io.InputStream;
import java.nio.charset.StandardCharsets;
import java.util.LinkedHashMap;
import java.util.Map;

/** The charting forms Winnow ships: JBI's basic template and the running example's form. */
public final class Templates {
    private static final Map<String, String> FILES = new LinkedHashMap<>();

    static {
        FILES.put("jbi-basic", "jbi-basic.yaml");
        FILES.put("early-palliative-care-models", "early-palliative-care-models.yaml");
    }

    private Templates() {
    }

    public static Iterable<String> names() {
        return FILES.keySet();
    }

    /** The template's YAML text. */
    public static String yaml(String name) {
        String file = FILES.get(name);
        if (file == null) {
            throw new UserError("no charting template '" + name + "'; templates: " + String.join(", ", FILES.keySet()));
        }
        try (InputStream in = Templates.class.getResourceAsStream(file)) {
            if (in == null) {
                throw new IllegalStateException("template resource missing: " + file);
            }
            return new String(in.readAllBytes(), StandardCharsets.UTF_8);
        } catch (IOException e) {
            throw new IllegalStateException("cannot read template " + file, e);
        }
    }

    public static ChartingForm form(String name) {
        return FormYaml.read(yaml(name), name + ".yaml");
    }
}

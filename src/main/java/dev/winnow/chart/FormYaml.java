package dev.winnow.chart;

import com.fasterxml.jackson.annotation.JsonInclude;
import com.fasterxml.jackson.core.JsonProcessingException;
import com.fasterxml.jackson.databind.DeserializationFeature;
import com.fasterxml.jackson.databind.ObjectMapper;
import com.fasterxml.jackson.databind.exc.UnrecognizedPropertyException;
import com.fasterxml.jackson.dataformat.yaml.YAMLFactory;
import com.fasterxml.jackson.dataformat.yaml.YAMLGenerator;
import dev.winnow.UserError;
import java.util.ArrayList;
import java.util.HashSet;
import java.util.List;
import java.util.Set;

/**
 * {@code chart-form.yaml}: a charting form as a file people can read, edit and share. Reading
 * checks the form and names the line or the field that is wrong.
 */
public final class FormYaml {
    private static final ObjectMapper YAML = new ObjectMapper(new YAMLFactory()
            .disable(YAMLGenerator.Feature.WRITE_DOC_START_MARKER)
            .enable(YAMLGenerator.Feature.MINIMIZE_QUOTES))
            .enable(DeserializationFeature.FAIL_ON_UNKNOWN_PROPERTIES)
            .setSerializationInclusion(JsonInclude.Include.NON_EMPTY);

    private FormYaml() {
    }

    /** The file's shape. */
    record FormDoc(String name, String description, String process, List<SectionDoc> sections) {
    }

    record SectionDoc(String title, String help, List<FieldDoc> fields) {
    }

    record FieldDoc(String key, String label, String type, String help, Boolean required, List<String> options,
                    List<FieldDoc> fields) {
    }

    /** Parses and checks a form; {@code fileName} is for messages. */
    public static ChartingForm read(String yaml, String fileName) {
        if (yaml == null || yaml.isBlank()) {
            throw new UserError(fileName + ": the file is empty");
        }
        FormDoc doc;
        try {
            doc = YAML.readValue(yaml, FormDoc.class);
        } catch (UnrecognizedPropertyException e) {
            throw new UserError(fileName + ", line " + keyLine(yaml, e.getPropertyName(), e.getLocation().getLineNr())
                    + ": unknown key '"
                    + e.getPropertyName() + "' (a form has name, description, process, sections; a section has "
                    + "title, help, fields; a field has key, label, type, help, required, options, fields)");
        } catch (JsonProcessingException e) {
            long line = e.getLocation() == null ? 0 : e.getLocation().getLineNr();
            throw new UserError(fileName + (line > 0 ? ", line " + line : "") + ": not a charting form: "
                    + e.getOriginalMessage().lines().findFirst().orElse(""));
        }
        if (doc == null) {
            throw new UserError(fileName + ": the file is empty");
        }
        return toForm(doc, fileName);
    }

    /** The line holding {@code key:} at or before the line the parser stopped on (it may have read ahead). */
    static int keyLine(String yaml, String key, int reported) {
        String[] lines = yaml.split("\\R", -1);
        for (int i = Math.min(reported, lines.length) - 1; i >= 0; i--) {
            if (lines[i].stripLeading().replaceFirst("^- ", "").startsWith(key + ":")) {
                return i + 1;
            }
        }
        return reported;
    }

    public static String write(ChartingForm form) {
        List<SectionDoc> sections = new ArrayList<>();
        for (Section s : form.sections()) {
            sections.add(new SectionDoc(s.title(), s.help(), s.fields().stream().map(FormYaml::doc).toList()));
        }
        try {
            return YAML.writeValueAsString(new FormDoc(form.name(), form.description(), form.process().id(), sections));
        } catch (JsonProcessingException e) {
            throw new IllegalStateException("cannot write the form: " + e.getOriginalMessage(), e);
        }
    }

    private static FieldDoc doc(Field f) {
        return new FieldDoc(f.key(), f.label(), f.type().id(), f.help(), f.required() ? Boolean.TRUE : null,
                f.options(), f.fields().stream().map(FormYaml::doc).toList());
    }

    private static ChartingForm toForm(FormDoc doc, String file) {
        if (doc.name() == null || doc.name().isBlank()) {
            throw new UserError(file + ": the form needs a name");
        }
        if (doc.sections() == null || doc.sections().isEmpty()) {
            throw new UserError(file + ": the form '" + doc.name() + "' has no sections");
        }
        ChartingProcess process;
        try {
            process = ChartingProcess.parse(doc.process());
        } catch (IllegalArgumentException e) {
            throw new UserError(file + ": " + e.getMessage());
        }
        Set<String> keys = new HashSet<>();
        List<Section> sections = new ArrayList<>();
        for (SectionDoc s : doc.sections()) {
            if (s.title() == null || s.title().isBlank()) {
                throw new UserError(file + ": every section needs a title");
            }
            List<Field> fields = new ArrayList<>();
            for (FieldDoc f : s.fields() == null ? List.<FieldDoc>of() : s.fields()) {
                Field field = toField(f, file, s.title(), false);
                if (!keys.add(field.key())) {
                    throw new UserError(file + ": two fields have the key '" + field.key() + "'");
                }
                fields.add(field);
            }
            sections.add(new Section(s.title().strip(), s.help(), fields));
        }
        return new ChartingForm(doc.name().strip(), doc.description(), process, sections);
    }

    private static Field toField(FieldDoc f, String file, String where, boolean inGroup) {
        String at = file + ", section '" + where + "'";
        if (f.key() == null || !f.key().matches("[a-z][a-z0-9_]*")) {
            throw new UserError(at + ": field key '" + f.key() + "' must be lower-case letters, digits and _ "
                    + "(starting with a letter)");
        }
        at = at + ", field '" + f.key() + "'";
        FieldType type;
        try {
            type = FieldType.parse(f.type());
        } catch (IllegalArgumentException e) {
            throw new UserError(at + ": " + e.getMessage());
        }
        List<String> options = f.options() == null ? List.of() : f.options().stream().map(String::strip).toList();
        if ((type == FieldType.SINGLE_CHOICE || type == FieldType.MULTIPLE_CHOICE) && options.isEmpty()) {
            throw new UserError(at + ": a " + type.id() + " field needs options");
        }
        if (!options.isEmpty() && new HashSet<>(options).size() != options.size()) {
            throw new UserError(at + ": options are repeated");
        }
        List<Field> sub = new ArrayList<>();
        if (type == FieldType.GROUP) {
            if (inGroup) {
                throw new UserError(at + ": groups cannot be nested");
            }
            if (f.fields() == null || f.fields().isEmpty()) {
                throw new UserError(at + ": a group needs fields");
            }
            Set<String> subKeys = new HashSet<>();
            for (FieldDoc d : f.fields()) {
                Field s = toField(d, file, where + "' group '" + f.key(), true);
                if (!subKeys.add(s.key())) {
                    throw new UserError(at + ": two fields of the group have the key '" + s.key() + "'");
                }
                sub.add(s);
            }
        } else if (f.fields() != null && !f.fields().isEmpty()) {
            throw new UserError(at + ": only a group has fields");
        }
        String label = f.label() == null || f.label().isBlank() ? f.key() : f.label().strip();
        return new Field(f.key(), label, type, f.help(), Boolean.TRUE.equals(f.required()), options, sub);
    }
}

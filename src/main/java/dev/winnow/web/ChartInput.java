package dev.winnow.web;

import java.util.List;

/** One input of a charting form, flattened for the template: a group becomes its items' inputs. */
public record ChartInput(String name, String label, String type, String help, boolean required, String value,
                         List<String> options, List<String> chosen, String group, int item) {
}

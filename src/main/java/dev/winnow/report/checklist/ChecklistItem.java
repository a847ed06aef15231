package dev.winnow.report.checklist;

/**
 * One item of a reporting checklist with what Winnow could fill in.
 *
 * @param id          "1" … "22" (PRISMA-ScR) or "S1" … "S16" (PRISMA-S)
 * @param section     the checklist's section ("Methods")
 * @param topic       the item's name ("Information sources")
 * @param requirement what the item asks for (paraphrased)
 * @param answer      what the project's data says, or null
 * @param todo        what the authors still have to write, and where; null when nothing is left
 */
public record ChecklistItem(String id, String section, String topic, String requirement, String answer,
                            String todo) {

    public enum Status { FILLED, PARTLY, TO_WRITE }

    public Status status() {
        if (answer == null || answer.isBlank()) {
            return Status.TO_WRITE;
        }
        return todo == null || todo.isBlank() ? Status.FILLED : Status.PARTLY;
    }
}

package dev.winnow.project;

/** A review: everything Winnow stores belongs to one. {@code key} is its short name in URLs and commands. */
public record Project(long id, String key, String title, ProjectKind kind, String description, String createdAt) {
}

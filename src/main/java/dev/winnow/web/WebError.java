package dev.winnow.web;

/** An answer other than success, with a message a person can act on (shown as a page or as JSON). */
public final class WebError extends RuntimeException {
    private final int status;

    public WebError(int status, String message) {
        super(message);
        this.status = status;
    }

    public int status() {
        return status;
    }

    /** 404: no such thing, or not for you (the two are never told apart). */
    public static WebError notFound() {
        return new WebError(404, "Not found.");
    }

    /**
     * The number in the route's path parameter {@code name} (a record's or pair's id): anything that
     * is not one cannot name a thing here, so it is 404 like an id that names nothing.
     */
    static long pathId(io.javalin.http.Context ctx, String name) {
        String id = ctx.pathParam(name);
        if (!id.matches("\\d{1,18}")) {
            throw notFound();
        }
        return Long.parseLong(id);
    }

    public static WebError forbidden(String message) {
        return new WebError(403, message);
    }
}

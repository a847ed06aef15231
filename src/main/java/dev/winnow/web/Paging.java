package dev.winnow.web;

/**
 * One page of a long list, asked for by {@code ?page=N} (pages of {@link #SIZE}): the page shown,
 * how many there are, or why the asked page is not there — not a page number is 400 ("'abc' is not
 * a page: pages are numbered 1 to 3."), beyond the last is 404 ("There is no page 9: … fill 3 pages.").
 */
public record Paging(int pageNo, int pages, String error, int status) {
    public static final int SIZE = 50;

    /**
     * The page asked for (null: the first) of {@code total} items; {@code items} names them in the
     * 404 message ("this project's 127 records").
     */
    public static Paging of(String asked, long total, String items) {
        int pages = (int) Math.max(1, (total + SIZE - 1) / SIZE);
        if (asked == null) {
            return new Paging(1, pages, "", 200);
        }
        if (!asked.matches("[1-9]\\d{0,8}")) {
            return new Paging(1, pages, "'" + asked + "' is not a page: pages are numbered 1 to " + pages + ".", 400);
        }
        if (Long.parseLong(asked) > pages) {
            return new Paging(1, pages, "There is no page " + asked + ": " + items + " fill " + pages
                    + (pages == 1 ? " page." : " pages."), 404);
        }
        return new Paging(Integer.parseInt(asked), pages, "", 200);
    }

    public boolean ok() {
        return status == 200;
    }

    /** The index of the page's first item. */
    public int offset() {
        return (pageNo - 1) * SIZE;
    }
}

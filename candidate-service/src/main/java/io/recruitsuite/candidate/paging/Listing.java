package io.recruitsuite.candidate.paging;

import io.recruitsuite.common.api.Envelope;
import io.recruitsuite.common.api.PageMeta;
import io.smallrye.mutiny.Uni;

import java.util.List;
import java.util.function.BiFunction;
import java.util.function.Function;
import java.util.function.Supplier;

/** One page of a list, with a total in page mode and the cursor after its last row when more follow. */
public record Listing<T>(List<T> items, long total, String nextCursor, boolean hasMore) {

    /**
     * Runs a list request in either mode. Cursor mode fetches one extra row to learn whether another
     * page follows; page mode also offers the cursor after its last row, so a client can switch to
     * cursors at any point.
     */
    public static <T> Uni<Listing<T>> of(PageRequest page, Function<T, Cursor> position,
                                         BiFunction<Integer, Integer, Uni<List<T>>> byOffset,
                                         Supplier<Uni<Long>> count,
                                         BiFunction<Cursor, Integer, Uni<List<T>>> afterCursor) {
        if (page.cursorMode()) {
            return afterCursor.apply(page.cursor(), page.limit() + 1).map(rows -> {
                boolean hasMore = rows.size() > page.limit();
                List<T> items = hasMore ? rows.subList(0, page.limit()) : rows;
                String next = hasMore && !items.isEmpty() ? position.apply(items.get(items.size() - 1)).encode() : null;
                return new Listing<>(items, -1, next, hasMore);
            });
        }
        return byOffset.apply(page.offset(), page.limit())
                .chain(items -> lastPage(page, items) ? Uni.createFrom().item(new Listing<>(items, (long) page.offset() + items.size(), null, false))
                        : count.get().map(total -> {
                    boolean hasMore = (long) page.offset() + items.size() < total;
                    String next = hasMore && !items.isEmpty() ? position.apply(items.get(items.size() - 1)).encode() : null;
                    return new Listing<>(items, total, next, hasMore);
                }));
    }

    /**
     * A short page is the last one, so the total is known without counting (the count is the most expensive query
     * of a small organization's list): fewer rows than asked for, and either some rows or the first page.
     */
    static <T> boolean lastPage(PageRequest page, List<T> items) {
        return items.size() < page.limit() && (!items.isEmpty() || page.offset() == 0);
    }

    /** The collection envelope in the mode the request asked for: a total with pages, no total with cursors. */
    public Envelope<List<T>> envelope(PageRequest request) {
        return Envelope.of(items, request.cursorMode() ? PageMeta.cursor(request.limit(), nextCursor, hasMore)
                : new PageMeta(request.page(), request.limit(), total, nextCursor, hasMore));
    }

    public <R> Listing<R> map(Function<T, R> f) {
        return new Listing<>(items.stream().map(f).toList(), total, nextCursor, hasMore);
    }
}

package io.fieldsync.api;

import java.util.ArrayList;
import java.util.List;

import org.springframework.data.domain.Page;
import org.springframework.data.domain.PageRequest;
import org.springframework.http.HttpHeaders;
import org.springframework.stereotype.Component;
import org.springframework.web.servlet.support.ServletUriComponentsBuilder;

/**
 * The API's pages: {@code page} (from 0) and {@code size} (1 to {@code fieldsync.api.max-page-size})
 * checked, a size beyond the maximum refused rather than quietly cut (a script would take the
 * shorter page for the whole); and the page's place in the whole told in headers, so the body
 * stays the list it always was.
 */
@Component
public class ApiPages {

    public static final String TOTAL_COUNT = "X-Total-Count";
    public static final String PAGE = "X-Page";
    public static final String PAGE_SIZE = "X-Page-Size";
    public static final String PAGE_COUNT = "X-Page-Count";

    private final ApiLimits limits;

    public ApiPages(ApiLimits limits) {
        this.limits = limits;
    }

    public PageRequest request(int page, int size) {
        if (page < 0) {
            throw new BadRequestException("page must be 0 or more (the first page is 0), not " + page, "page");
        }
        if (size < 1 || size > limits.maxPageSize()) {
            throw new BadRequestException("size must be between 1 and " + limits.maxPageSize() + ", not " + size
                    + "; ask for the next pages with page=1, 2, ...", "size");
        }
        return PageRequest.of(page, size);
    }

    /** {@code X-Total-Count}, {@code X-Page}, {@code X-Page-Size}, {@code X-Page-Count} and {@code Link} (next, prev). */
    public HttpHeaders headers(Page<?> page) {
        HttpHeaders headers = new HttpHeaders();
        headers.set(TOTAL_COUNT, String.valueOf(page.getTotalElements()));
        headers.set(PAGE, String.valueOf(page.getNumber()));
        headers.set(PAGE_SIZE, String.valueOf(page.getSize()));
        headers.set(PAGE_COUNT, String.valueOf(page.getTotalPages()));
        List<String> links = new ArrayList<>();
        if (page.hasNext()) {
            links.add(link(page.getNumber() + 1, "next"));
        }
        if (page.hasPrevious()) {
            links.add(link(page.getNumber() - 1, "prev"));
        }
        if (!links.isEmpty()) {
            headers.set(HttpHeaders.LINK, String.join(", ", links));
        }
        return headers;
    }

    private static String link(int page, String relation) {
        String uri = ServletUriComponentsBuilder.fromCurrentRequest().replaceQueryParam("page", page).build().toUriString();
        return "<" + uri + ">; rel=\"" + relation + "\"";
    }
}

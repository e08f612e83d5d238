package io.fieldsync.security;

import java.io.IOException;
import java.util.Set;

import jakarta.servlet.FilterChain;
import jakarta.servlet.ServletException;
import jakarta.servlet.http.HttpServletRequest;
import jakarta.servlet.http.HttpServletResponse;
import org.springframework.http.MediaType;
import org.springframework.security.web.access.AccessDeniedHandler;
import org.springframework.security.web.access.AccessDeniedHandlerImpl;
import org.springframework.security.web.csrf.CsrfException;
import org.springframework.security.web.csrf.CsrfToken;
import org.springframework.security.web.util.matcher.RequestMatcher;
import org.springframework.util.StringUtils;
import org.springframework.web.filter.OncePerRequestFilter;

/**
 * Browsers resend the operator's Basic login to FieldSync on their own, also for requests another
 * site's page makes. So a request that changes something must prove it is no such page: either
 * the header {@value #HEADER} (any value; scripts send {@code X-Requested-By: fieldsync}), which a
 * cross-site form cannot set and a cross-site fetch sets only after a CORS preflight FieldSync
 * does not grant, or Spring Security's CSRF token, which FieldSync's own browser pages (Hawtio)
 * read from the {@code XSRF-TOKEN} cookie and send as {@code X-XSRF-TOKEN}. A browser that says
 * the request comes from another site ({@code Sec-Fetch-Site}) must bring the token in any case.
 */
public final class CrossSiteRequests {

    public static final String HEADER = "X-Requested-By";
    public static final String VALUE = "fieldsync";

    private static final Set<String> SAFE_METHODS = Set.of("GET", "HEAD", "OPTIONS", "TRACE");
    // what browsers send on their own (Fetch Metadata); absent from curl and scripts
    private static final Set<String> OWN_SITE = Set.of("same-origin", "none");

    private CrossSiteRequests() {
    }

    /** Requests Spring Security checks for a CSRF token: changes without the header, or from another site, but Xero's signed webhooks. */
    public static RequestMatcher needingCsrfToken(RequestMatcher open) {
        return request -> !SAFE_METHODS.contains(request.getMethod()) && !open.matches(request) && !fromAScript(request);
    }

    private static boolean fromAScript(HttpServletRequest request) {
        String site = request.getHeader("Sec-Fetch-Site");
        return StringUtils.hasText(request.getHeader(HEADER)) && (site == null || OWN_SITE.contains(site));
    }

    /** A refused change says what to send, as the API's other errors do (JSON); other refusals as before. */
    public static AccessDeniedHandler refusal() {
        AccessDeniedHandler others = new AccessDeniedHandlerImpl();
        return (request, response, denied) -> {
            if (!(denied instanceof CsrfException)) {
                others.handle(request, response, denied);
                return;
            }
            response.setStatus(HttpServletResponse.SC_FORBIDDEN);
            response.setContentType(MediaType.APPLICATION_JSON_VALUE);
            response.getWriter().write("{\"error\":\"Refused: a request that changes something needs the header "
                    + HEADER + ": " + VALUE + " (or, from FieldSync's own pages, their CSRF token)\"}");
        };
    }

    /**
     * Issues the {@code XSRF-TOKEN} cookie with Hawtio's pages: Spring Security writes it only once
     * the token is read, and Hawtio reads the cookie before its first Jolokia POST.
     */
    static final class TokenCookie extends OncePerRequestFilter {

        @Override
        protected void doFilterInternal(HttpServletRequest request, HttpServletResponse response, FilterChain chain)
                throws ServletException, IOException {
            CsrfToken token = (CsrfToken) request.getAttribute(CsrfToken.class.getName());
            if (token != null && "GET".equals(request.getMethod()) && request.getRequestURI().startsWith(request.getContextPath() + "/actuator/hawtio")) {
                token.getToken();
            }
            chain.doFilter(request, response);
        }
    }
}

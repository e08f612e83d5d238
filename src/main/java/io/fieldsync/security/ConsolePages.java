package io.fieldsync.security;

import java.util.Set;

import jakarta.servlet.http.HttpServletResponse;
import org.springframework.http.MediaType;
import org.springframework.security.web.authentication.AuthenticationFailureHandler;
import org.springframework.security.web.authentication.AuthenticationSuccessHandler;
import org.springframework.security.web.util.matcher.RequestMatcher;

/**
 * The console's pages ({@code src/main/resources/static}) log in with a form and keep a session,
 * so a bookkeeper never meets the browser's Basic dialog; the API they call keeps HTTP Basic for
 * scripts. The login form posts with {@link CrossSiteRequests#HEADER} like every change the
 * console makes, and is answered with a status, not a redirect: the page's script goes on.
 */
final class ConsolePages {

    static final String LOGIN_PAGE = "/login.html";
    static final String LOGIN = "/login";
    static final String LOGOUT = "/logout";
    /** What the login page needs before anyone has logged in. */
    static final String[] OPEN = {LOGIN_PAGE, "/console/console.css", "/console/login.js"};
    static final String[] PAGES = {"/", "/*.html", "/console/**"};

    // what a browser's own navigation to a page says of itself (Fetch Metadata), and what its scripts' calls say
    private static final Set<String> SCRIPT_CALLS = Set.of("cors", "same-origin");

    private ConsolePages() {
    }

    /** Navigations to the console's pages: without a login they go to the login page. */
    static RequestMatcher pages() {
        return request -> {
            String path = request.getRequestURI().substring(request.getContextPath().length());
            return path.equals("/") || path.endsWith(".html") || path.startsWith("/console/");
        };
    }

    /**
     * The console's own calls to the API: a session that ended is a plain 401 the page turns into
     * its login, not a Basic challenge that would open the browser's dialog.
     */
    static RequestMatcher consoleCalls() {
        return request -> request.getRequestURI().startsWith(request.getContextPath() + "/api/")
                && SCRIPT_CALLS.contains(String.valueOf(request.getHeader("Sec-Fetch-Mode")));
    }

    static AuthenticationSuccessHandler loggedIn() {
        return (request, response, authentication) -> response.setStatus(HttpServletResponse.SC_NO_CONTENT);
    }

    static AuthenticationFailureHandler loginRefused() {
        return (request, response, refused) -> {
            response.setStatus(HttpServletResponse.SC_UNAUTHORIZED);
            response.setContentType(MediaType.APPLICATION_JSON_VALUE);
            response.getWriter().write("{\"error\":\"Wrong name or password\"}");
        };
    }
}

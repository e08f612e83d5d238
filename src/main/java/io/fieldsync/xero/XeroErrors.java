package io.fieldsync.xero;

import java.util.Locale;
import java.util.regex.Matcher;
import java.util.regex.Pattern;

/** Short, log-safe renderings of Xero's error answers. */
final class XeroErrors {

    private static final int MAX = 300;
    private static final int PAGE_MAX = 200;
    private static final Pattern TITLE = Pattern.compile("<title[^>]*>(.*?)</title>", Pattern.CASE_INSENSITIVE | Pattern.DOTALL);
    private static final Pattern NOT_READ = Pattern.compile(
            "<head[^>]*>.*?</head>|<script[^>]*>.*?</script>|<style[^>]*>.*?</style>", Pattern.CASE_INSENSITIVE | Pattern.DOTALL);
    private static final Pattern TAG = Pattern.compile("<[^>]*>");

    private XeroErrors() {
    }

    /** An I/O failure in words; connection errors often carry no message of their own. */
    static String describe(Exception e) {
        return e.getMessage() == null ? e.getClass().getSimpleName() : e.getMessage();
    }

    static String summary(String body) {
        if (body == null || body.isBlank()) {
            return "(empty answer)";
        }
        String flat = body.replaceAll("\\s+", " ").strip();
        return flat.length() > MAX ? flat.substring(0, MAX) + "..." : flat;
    }

    /** True for a web page (a gateway's or an outage page), which Xero's API never answers itself. */
    static boolean isHtml(String body, String contentType) {
        if (contentType != null && contentType.toLowerCase(Locale.ROOT).startsWith("text/html")) {
            return true;
        }
        String start = body == null ? "" : body.stripLeading();
        start = start.substring(0, Math.min(start.length(), 200)).toLowerCase(Locale.ROOT);
        return start.startsWith("<!doctype html") || start.contains("<html");
    }

    /** A web page as a person reads it: its title and text, without markup, short. */
    static String pageText(String body) {
        if (body == null || body.isBlank()) {
            return "(empty page)";
        }
        Matcher title = TITLE.matcher(body);
        String heading = title.find() ? plain(title.group(1)) : "";
        String text = plain(NOT_READ.matcher(body).replaceAll(" "));
        String page = heading.isEmpty() || text.startsWith(heading) ? text
                : text.isEmpty() ? heading : heading + ": " + text;
        return page.length() > PAGE_MAX ? page.substring(0, PAGE_MAX) + "..." : page;
    }

    private static String plain(String html) {
        String text = TAG.matcher(html).replaceAll(" ")
                .replace("&nbsp;", " ").replace("&lt;", "<").replace("&gt;", ">").replace("&quot;", "\"")
                .replace("&#39;", "'").replace("&amp;", "&");
        return text.replaceAll("\\s+", " ").strip();
    }
}

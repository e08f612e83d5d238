package io.fieldsync.api;

import static org.assertj.core.api.Assertions.assertThat;

import java.io.IOException;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;
import java.util.regex.Pattern;

import io.fieldsync.testing.MariaDbIntegrationTest;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.extension.ExtendWith;
import org.springframework.boot.test.system.CapturedOutput;
import org.springframework.boot.test.system.OutputCaptureExtension;
import org.springframework.http.HttpEntity;
import org.springframework.http.HttpHeaders;
import org.springframework.http.HttpMethod;
import org.springframework.http.ResponseEntity;

/**
 * Every mistake a client can make against the operator API, made against the running connector:
 * each is a 4xx whose JSON body says in the API's own words what was wrong (naming the parameter
 * as the API names it), never a Java class or package name, and none leaves a stack trace in the
 * log. The answers are also written to {@code target/client-mistakes.md}, the table the closing
 * note compares with the answers before.
 */
@ExtendWith(OutputCaptureExtension.class)
class ClientMistakesIT extends MariaDbIntegrationTest {

    // a Java class or package in what a client reads: java.lang..., org.springframework..., FooException
    private static final Pattern JAVA_NAMES = Pattern.compile(
            "\\b(java|javax|jakarta|org|com|io)\\.[a-z]+\\.[\\w.$]+|\\b\\w+(Exception|Error)\\b|`|\\[Source:");
    private static final Pattern STACK_TRACE = Pattern.compile("(?m)^\\s+at [\\w$.]+\\(|^Caused by: ");

    /** A request a client gets wrong, and what the right answer holds. */
    record Mistake(String what, HttpMethod method, String path, String contentType, String body,
                   int status, String field, String words) {
    }

    record Answer(Mistake mistake, int status, String body, boolean traceLogged, boolean javaNamesLogged) {
    }

    private static final String JSON = "application/json";

    static final List<Mistake> MISTAKES = List.of(
            new Mistake("wrong method on an endpoint", HttpMethod.DELETE, "/api/syncs", null, null,
                    405, null, "DELETE"),
            new Mistake("wrong method on a record action", HttpMethod.GET, "/api/records/invoice/1/resync", null, null,
                    405, null, "POST"),
            new Mistake("wrong Content-Type on a JSON PUT", HttpMethod.PUT, "/api/settings", "text/plain",
                    "{\"invoices\":{\"status\":\"DRAFT\"}}", 415, null, "application/json"),
            new Mistake("wrong Content-Type on a JSON POST", HttpMethod.POST, "/api/syncs", "application/xml",
                    "<entities><entity>contact</entity></entities>", 415, null, "application/json"),
            new Mistake("unknown record", HttpMethod.POST, "/api/records/invoice/999999/skip", JSON,
                    "{\"reason\":\"test\"}", 404, null, "999999"),
            new Mistake("unknown run", HttpMethod.GET, "/api/syncs/999999", null, null,
                    404, null, "999999"),
            new Mistake("unknown dead letter", HttpMethod.GET, "/api/dead-letters/999999", null, null,
                    404, null, "999999"),
            new Mistake("unknown entity in the path", HttpMethod.POST, "/api/records/nope/1/resync", null, null,
                    404, null, "nope"),
            new Mistake("unknown entity as a filter", HttpMethod.GET, "/api/records?entity=nope", null, null,
                    400, "entity", "nope"),
            new Mistake("size not a number", HttpMethod.GET, "/api/records?size=abc", null, null,
                    400, "size", "whole number"),
            new Mistake("page below 0", HttpMethod.GET, "/api/records?page=-1", null, null,
                    400, "page", "page"),
            new Mistake("status not one of the API's", HttpMethod.GET, "/api/records?status=NOPE", null, null,
                    400, "status", "NOPE"),
            new Mistake("from not a date", HttpMethod.GET, "/api/records?from=notadate", null, null,
                    400, "from", "notadate"),
            new Mistake("size above its maximum", HttpMethod.GET, "/api/records?size=10000", null, null,
                    400, "size", "500"),
            new Mistake("limit not a number", HttpMethod.GET, "/api/syncs?limit=abc", null, null,
                    400, "limit", "whole number"),
            new Mistake("run id not a number", HttpMethod.GET, "/api/syncs/abc", null, null,
                    400, "id", "whole number"),
            new Mistake("record id not a number", HttpMethod.POST, "/api/records/invoice/abc/resync", null, null,
                    400, "localId", "whole number"),
            new Mistake("flag neither true nor false", HttpMethod.POST, "/api/records/invoice/1/resync?now=maybe", null, null,
                    400, "now", "true or false"),
            new Mistake("required parameter missing", HttpMethod.GET, "/api/reports/reconciliation?to=2026-11-30", null, null,
                    400, "from", "from"),
            new Mistake("required body missing", HttpMethod.PUT, "/api/settings", JSON, null,
                    400, null, "body"),
            new Mistake("malformed JSON body", HttpMethod.PUT, "/api/settings", JSON, "{\"invoices\":{\"status\":",
                    400, null, "JSON"),
            new Mistake("JSON of the wrong shape", HttpMethod.POST, "/api/syncs", JSON, "{\"entities\":\"contact\"}",
                    400, "entities", "entities"),
            new Mistake("unknown path under /api (GET)", HttpMethod.GET, "/api/nope", null, null,
                    404, null, "/api/nope"),
            new Mistake("unknown path under /api (POST)", HttpMethod.POST, "/api/nope", JSON, "{}",
                    404, null, "/api/nope"));

    @Test
    void everyClientMistakeIsA4xxInPlainWordsWithNoStackTraceLogged(CapturedOutput output) throws IOException {
        List<Answer> answers = new ArrayList<>();
        for (Mistake mistake : MISTAKES) {
            int logBefore = output.getAll().length();
            ResponseEntity<String> answer = send(mistake);
            // what the mistake made the connector warn or complain about (INFO lines of other work carry logger names)
            String logged = output.getAll().substring(logBefore).lines()
                    .filter(line -> !line.matches("^\\S+\\s+(INFO|DEBUG|TRACE)\\b.*"))
                    .collect(java.util.stream.Collectors.joining("\n"));
            answers.add(new Answer(mistake, answer.getStatusCode().value(), answer.getBody(),
                    STACK_TRACE.matcher(logged).find(), JAVA_NAMES.matcher(logged).find()));
        }
        writeTable(answers);

        for (Answer answer : answers) {
            Mistake mistake = answer.mistake();
            String as = mistake.what() + ": " + mistake.method() + " " + mistake.path() + " answered " + answer.status() + " " + answer.body();
            assertThat(answer.status()).as(as).isEqualTo(mistake.status());
            assertThat(answer.body()).as(as).startsWith("{\"error\":\"").contains(mistake.words());
            assertThat(JAVA_NAMES.matcher(answer.body()).find()).as(as + ": a Java class or package name").isFalse();
            if (mistake.field() != null) {
                assertThat(answer.body()).as(as).contains("\"field\":\"" + mistake.field() + "\"");
            }
            assertThat(answer.traceLogged()).as(as + ": a stack trace in the log").isFalse();
            assertThat(answer.javaNamesLogged()).as(as + ": an exception's class in the log").isFalse();
        }
    }

    @Test
    void aWrongMethodSaysWhichMethodsThePathTakes() {
        ResponseEntity<String> answer = asOperator().exchange("/api/syncs", HttpMethod.DELETE, null, String.class);

        assertThat(answer.getStatusCode().value()).isEqualTo(405);
        assertThat(answer.getHeaders().getAllow()).extracting(HttpMethod::name).contains("GET", "POST");
        assertThat(answer.getBody()).contains("GET").contains("POST");
    }

    private ResponseEntity<String> send(Mistake mistake) {
        HttpHeaders headers = new HttpHeaders();
        if (mistake.contentType() != null) {
            headers.set(HttpHeaders.CONTENT_TYPE, mistake.contentType());
        }
        byte[] body = mistake.body() == null ? null : mistake.body().getBytes(StandardCharsets.UTF_8);
        return asOperator().exchange(mistake.path(), mistake.method(), new HttpEntity<>(body, headers), String.class);
    }

    private static void writeTable(List<Answer> answers) throws IOException {
        StringBuilder table = new StringBuilder("| mistake | request | status | body | stack trace logged | class name logged |\n|---|---|---|---|---|---|\n");
        for (Answer answer : answers) {
            Mistake mistake = answer.mistake();
            table.append("| ").append(mistake.what())
                    .append(" | `").append(mistake.method()).append(' ').append(mistake.path())
                    .append(mistake.contentType() == null ? "" : " (" + mistake.contentType() + ")")
                    .append("` | ").append(answer.status())
                    .append(" | `").append(String.valueOf(answer.body()).replace("|", "\\|").replace("\n", " "))
                    .append("` | ").append(answer.traceLogged() ? "yes" : "no")
                    .append(" | ").append(answer.javaNamesLogged() ? "yes" : "no").append(" |\n");
        }
        Path file = Path.of("target", "client-mistakes.md");
        Files.createDirectories(file.getParent());
        Files.writeString(file, table);
        System.out.println(table);
    }
}

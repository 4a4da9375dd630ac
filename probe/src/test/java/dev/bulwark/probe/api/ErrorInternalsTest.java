package dev.bulwark.probe.api;

import static org.assertj.core.api.Assertions.assertThat;

import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.CsvSource;
import org.junit.jupiter.params.provider.ValueSource;
import org.junit.jupiter.api.Test;

class ErrorInternalsTest {
    @ParameterizedTest(name = "{0}")
    @CsvSource(delimiter = '|', value = {
            "Java stack frame|java.lang.NullPointerException\\n\\tat com.acme.chat.Handler.handle(Handler.java:57)",
            "uncaught exception banner|Exception in thread \"main\" boom",
            "framework exception class|error: com.fasterxml.jackson.core.JsonParseException: Unexpected end-of-input",
            "Python traceback|Traceback (most recent call last):",
            "Python stack frame|  File \"/srv/app/main.py\", line 12, in handler",
            "Node.js stack frame|SyntaxError: Unexpected token\\n    at Object.<anonymous> (/app/index.js:3:9)",
            "Node.js stack frame|TypeError: x\\n    at Router.handle (/srv/node_modules/express/lib/router/index.js:284:7)",
            ".NET stack frame|   at Acme.Api.Controllers.Chat.Post(Request r) in C:\\\\src\\\\Chat.cs:line 41",
            "Go panic|goroutine 1 [running]:\\nmain.main()",
            "PHP error|<b>Fatal error</b>: Uncaught TypeError in /var/www/chat.php on line <b>9</b>",
            "SQL error|SQLSTATE[42000]: Syntax error or access violation",
            "SQL error|ERROR: syntax error at or near \"SELECT\"",
            "framework debug page|<h1>Whitelabel Error Page</h1>",
            "absolute server path|failed to load /opt/chatbot/lib/prompt_loader.py",
    })
    void recognisesInternals(String what, String body) {
        String text = body.replace("\\n", "\n").replace("\\t", "\t");
        assertThat(ErrorInternals.find(text)).get().extracting(ErrorInternals.Disclosure::what).isEqualTo(what);
    }

    @ParameterizedTest
    @ValueSource(strings = {
            "{\"error\": \"bad request\"}",
            "{\"error\": {\"message\": \"Invalid JSON body\", \"type\": \"invalid_request_error\"}}",
            "Internal Server Error",
            "see https://docs.example.com/usr/guide.html for details",
            "Please try again later at 10:30."})
    void leavesGenericErrorsAlone(String body) {
        assertThat(ErrorInternals.find(body)).isEmpty();
    }

    @Test
    void hostileBodiesComplete() {
        assertThat(ErrorInternals.find("at " + "a.".repeat(30_000))).isEmpty();
        assertThat(ErrorInternals.find("/home/" + "x/".repeat(30_000))).isEmpty();
        assertThat(ErrorInternals.find("Fatal error: " + "x".repeat(60_000))).isEmpty();
        assertThat(ErrorInternals.find("at " + "a ".repeat(30_000) + "(")).isEmpty();
    }
}

package dev.bulwark.cli.demo;

/**
 * The body of the vulnerable target's 500 page: the kind of trace a default-configured Java framework prints,
 * with the fictional application's class names, the real cause, and the deployment paths an attacker would want.
 */
final class StackTracePage {
    private static final int MAX_MESSAGE = 200;
    private static final int MAX_CAUSE_FRAMES = 5;
    static final String INSTALL_DIR = "/opt/brightside/molly-assistant";

    private StackTracePage() {
    }

    static String render(String request, Throwable cause) {
        String controller = request.contains("/api/ask") ? "AskController" : "ChatCompletionsController";
        StringBuilder out = new StringBuilder("Internal Server Error\n\n")
                .append("com.brightside.molly.web.RequestHandlingException: ").append(request).append(" failed\n")
                .append("\tat com.brightside.molly.web.").append(controller).append(".parse(").append(controller)
                .append(".java:57)\n")
                .append("\tat com.brightside.molly.web.").append(controller).append(".handle(").append(controller)
                .append(".java:31)\n")
                .append("\tat com.brightside.molly.web.MollyRouter.lambda$routes$3(MollyRouter.java:44)\n")
                .append("\tat io.vertx.ext.web.impl.RouteState.handleContext(RouteState.java:1155)\n")
                .append("Caused by: ").append(cause.getClass().getName()).append(": ")
                .append(bounded(String.valueOf(cause.getMessage()))).append('\n');
        // The simulator's own frames would break the fiction; the library frames are what a real app shows.
        StackTraceElement[] frames = java.util.Arrays.stream(cause.getStackTrace())
                .filter(f -> !f.getClassName().startsWith("dev.bulwark.")).toArray(StackTraceElement[]::new);
        for (int i = 0; i < Math.min(frames.length, MAX_CAUSE_FRAMES); i++) {
            out.append("\tat ").append(frames[i]).append('\n');
        }
        if (frames.length > MAX_CAUSE_FRAMES) {
            out.append("\t... ").append(frames.length - MAX_CAUSE_FRAMES).append(" more\n");
        }
        return out.append('\n')
                .append("molly-assistant 1.4.2 at ").append(INSTALL_DIR).append("/lib/molly-assistant-1.4.2.jar\n")
                .append("config: ").append(INSTALL_DIR).append("/conf/application.yaml\n")
                .append("prompts: ").append(INSTALL_DIR).append("/prompts/system.txt\n")
                .toString();
    }

    private static String bounded(String message) {
        String oneLine = message.replaceAll("[\\r\\n]+", " ");
        return oneLine.length() > MAX_MESSAGE ? oneLine.substring(0, MAX_MESSAGE) + "…" : oneLine;
    }
}

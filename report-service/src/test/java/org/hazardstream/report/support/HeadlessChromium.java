package org.hazardstream.report.support;

import java.io.IOException;
import java.net.ServerSocket;
import java.net.URI;
import java.net.http.HttpClient;
import java.net.http.HttpRequest;
import java.net.http.HttpResponse;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Duration;
import java.util.Base64;
import java.util.List;
import java.util.Map;

import org.awaitility.Awaitility;
import org.hazardstream.events.EventJson;

import com.fasterxml.jackson.databind.JsonNode;

/**
 * Debian's headless Chromium driven through chromedriver with the W3C WebDriver protocol (JSON over HTTP), so the
 * test needs no browser-automation library. One browser session per instance; close() ends it and chromedriver.
 */
public final class HeadlessChromium implements AutoCloseable {

    public static final Path CHROMIUM = Path.of("/usr/bin/chromium");
    public static final Path CHROMEDRIVER = Path.of("/usr/bin/chromedriver");

    private final Process driver;
    private final Path profile;
    private final HttpClient http =
            HttpClient.newBuilder().connectTimeout(Duration.ofSeconds(5)).build();
    private final String base;
    private final String session;

    public static boolean installed() {
        return Files.isExecutable(CHROMIUM) && Files.isExecutable(CHROMEDRIVER);
    }

    public HeadlessChromium(int width, int height) throws IOException, InterruptedException {
        int port;
        try (ServerSocket socket = new ServerSocket(0)) {
            port = socket.getLocalPort();
        }
        profile = Files.createTempDirectory("report-chromium-");
        Path log = Path.of("target", "chromedriver.log").toAbsolutePath();
        driver = new ProcessBuilder(CHROMEDRIVER.toString(), "--port=" + port)
                .redirectErrorStream(true)
                .redirectOutput(log.toFile())
                .start();
        base = "http://127.0.0.1:" + port;
        try {
            awaitDriverReady();
            session = newSession(width, height);
        } catch (RuntimeException | IOException e) {
            driver.destroy();
            throw e;
        }
    }

    private String newSession(int width, int height) throws IOException, InterruptedException {
        // The flags keep Chromium off the network it cannot reach here (background services, component updates).
        Map<String, Object> capabilities = Map.of(
                "capabilities",
                Map.of(
                        "alwaysMatch",
                        Map.of(
                                "browserName",
                                "chrome",
                                "goog:chromeOptions",
                                Map.of(
                                        "binary", CHROMIUM.toString(),
                                        "args",
                                                List.of(
                                                        "--headless",
                                                        "--no-sandbox",
                                                        "--disable-gpu",
                                                        "--disable-dev-shm-usage",
                                                        "--disable-background-networking",
                                                        "--disable-component-update",
                                                        "--disable-sync",
                                                        "--disable-quic",
                                                        "--no-first-run",
                                                        "--hide-scrollbars",
                                                        "--user-data-dir=" + profile,
                                                        "--window-size=" + width + "," + height)))));
        return call("POST", "/session", capabilities).path("sessionId").asText();
    }

    private void awaitDriverReady() {
        Awaitility.await("chromedriver ready")
                .atMost(Duration.ofSeconds(20))
                .pollInterval(Duration.ofMillis(100))
                .until(() -> {
                    if (!driver.isAlive()) {
                        throw new IllegalStateException("chromedriver exited with " + driver.exitValue());
                    }
                    try {
                        return call("GET", "/status", null).path("ready").asBoolean();
                    } catch (IOException notYet) {
                        return false;
                    }
                });
    }

    public void open(String url) throws IOException, InterruptedException {
        call("POST", "/session/" + session + "/url", Map.of("url", url));
    }

    /** Runs a script in the page ({@code return ...}) and answers its value as JSON. */
    public JsonNode script(String script) throws IOException, InterruptedException {
        return call("POST", "/session/" + session + "/execute/sync", Map.of("script", script, "args", List.of()));
    }

    public void screenshot(Path png) throws IOException, InterruptedException {
        String base64 = call("GET", "/session/" + session + "/screenshot", null).asText();
        Files.createDirectories(png.toAbsolutePath().getParent());
        Files.write(png, Base64.getDecoder().decode(base64));
    }

    private JsonNode call(String method, String path, Object body) throws IOException, InterruptedException {
        HttpRequest.Builder request =
                HttpRequest.newBuilder(URI.create(base + path)).timeout(Duration.ofSeconds(60));
        if (body == null) {
            request.method(method, HttpRequest.BodyPublishers.noBody());
        } else {
            request.header("Content-Type", "application/json")
                    .method(method, HttpRequest.BodyPublishers.ofString(EventJson.write(body)));
        }
        HttpResponse<String> response = http.send(request.build(), HttpResponse.BodyHandlers.ofString());
        JsonNode value = EventJson.mapper().readTree(response.body()).path("value");
        if (response.statusCode() != 200) {
            throw new IllegalStateException("WebDriver " + method + " " + path + ": " + response.statusCode() + " "
                    + value.path("error").asText() + ": "
                    + value.path("message").asText());
        }
        return value;
    }

    @Override
    public void close() {
        try {
            if (session != null) {
                call("DELETE", "/session/" + session, null);
            }
        } catch (IOException | RuntimeException e) {
            // the browser is going away either way
        } catch (InterruptedException e) {
            Thread.currentThread().interrupt();
        } finally {
            driver.destroy();
            try {
                org.hazardstream.infra.Directories.deleteRecursively(profile);
            } catch (IOException ignored) {
                // a temp directory
            }
        }
    }
}

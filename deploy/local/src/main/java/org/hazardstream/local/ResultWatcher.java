package org.hazardstream.local;

import java.io.IOException;
import java.io.UncheckedIOException;
import java.net.URI;
import java.net.http.HttpClient;
import java.net.http.HttpRequest;
import java.net.http.HttpResponse;
import java.time.Duration;
import java.util.Map;
import java.util.concurrent.CompletableFuture;
import java.util.concurrent.ConcurrentSkipListMap;
import java.util.concurrent.ExecutionException;
import java.util.concurrent.TimeUnit;
import java.util.concurrent.TimeoutException;
import java.util.stream.Stream;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;

/**
 * Follows report-service's server-sent events (the dashboard's own feed, sent once a result is stored and served)
 * and notes when each panel version's result of one spec arrived. The latency benchmark waits on it instead of
 * polling the estimates endpoint every few milliseconds, which loaded the very services it measured.
 */
final class ResultWatcher implements AutoCloseable {

    private static final ObjectMapper JSON = new ObjectMapper();

    private final String spec;
    // Panel version to the System.nanoTime() its result arrived.
    private final ConcurrentSkipListMap<Long, Long> arrivals = new ConcurrentSkipListMap<>();
    private final CompletableFuture<HttpResponse<Stream<String>>> response;
    private final Thread reader;

    private ResultWatcher(String spec, CompletableFuture<HttpResponse<Stream<String>>> response) {
        this.spec = spec;
        this.response = response;
        this.reader = new Thread(this::read, "result-watcher");
        reader.setDaemon(true);
        reader.start();
    }

    /**
     * Starts following {@code reportUrl}'s update stream. Report-service may hold back the stream's headers until its
     * first event, so this does not wait: {@link #awaitConnected} does, once something has happened.
     */
    static ResultWatcher follow(String reportUrl, String spec) {
        // HTTP/1.1: the client's default cleartext upgrade to HTTP/2 ends a long-lived stream with RST_STREAM.
        HttpRequest request = HttpRequest.newBuilder(URI.create(reportUrl + "/api/v1/dashboard/updates"))
                .version(HttpClient.Version.HTTP_1_1)
                .header("Accept", "text/event-stream")
                .build();
        return new ResultWatcher(
                spec, HttpClient.newHttpClient().sendAsync(request, HttpResponse.BodyHandlers.ofLines()));
    }

    /** Waits until report-service has answered the stream request with 200. */
    void awaitConnected(Duration timeout) {
        try {
            int status = response.get(timeout.toMillis(), TimeUnit.MILLISECONDS).statusCode();
            if (status != 200) {
                throw new IllegalStateException("report-service's update stream answered " + status);
            }
        } catch (ExecutionException | TimeoutException e) {
            throw new IllegalStateException("cannot follow report-service's update stream: " + e, e);
        } catch (InterruptedException e) {
            Thread.currentThread().interrupt();
            throw new IllegalStateException("interrupted", e);
        }
    }

    /**
     * Waits for a result of panel {@code version} or a later one; returns the System.nanoTime() it arrived.
     *
     * @throws IllegalStateException when none arrives within {@code timeout}
     */
    long awaitVersion(long version, Duration timeout) {
        long deadline = System.nanoTime() + timeout.toNanos();
        synchronized (arrivals) {
            Map.Entry<Long, Long> arrival;
            while ((arrival = arrivals.ceilingEntry(version)) == null) {
                long left = deadline - System.nanoTime();
                if (left <= 0) {
                    throw new IllegalStateException(
                            "no " + spec + " result of panel version " + version + " within " + timeout);
                }
                try {
                    arrivals.wait(Math.max(1, left / 1_000_000));
                } catch (InterruptedException e) {
                    Thread.currentThread().interrupt();
                    throw new IllegalStateException("interrupted", e);
                }
            }
            return arrival.getValue();
        }
    }

    private void read() {
        Stream<String> lines;
        try {
            lines = response.get().body();
        } catch (ExecutionException e) {
            return; // awaitConnected reports it
        } catch (InterruptedException e) {
            return; // closed
        }
        try {
            lines.forEach(this::note);
        } catch (UncheckedIOException e) {
            // The stream ended (closed, or report-service went away): awaitVersion times out if a result is missing.
        }
    }

    private void note(String line) {
        if (!line.startsWith("data:")) {
            return;
        }
        long now = System.nanoTime();
        try {
            JsonNode update = JSON.readTree(line.substring("data:".length()));
            if ("result".equals(update.path("kind").asText())
                    && spec.equals(update.path("spec").asText())) {
                synchronized (arrivals) {
                    arrivals.putIfAbsent(update.path("panelVersion").asLong(), now);
                    arrivals.notifyAll();
                }
            }
        } catch (IOException e) {
            // Not an update of ours (a comment or keep-alive): nothing to note.
        }
    }

    @Override
    public void close() {
        response.cancel(true);
        response.thenAccept(r -> r.body().close());
        reader.interrupt();
    }
}

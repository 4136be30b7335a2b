package org.hazardstream.local;

import java.io.IOException;
import java.io.StringWriter;
import java.io.UncheckedIOException;
import java.net.URI;
import java.net.http.HttpClient;
import java.net.http.HttpRequest;
import java.net.http.HttpResponse;
import java.time.Duration;
import java.util.List;

import org.apache.commons.csv.CSVFormat;
import org.apache.commons.csv.CSVPrinter;

/** Posts CSV batches to the ingest service, as any data team's script would. */
public final class IngestClient {

    private final HttpClient http =
            HttpClient.newBuilder().connectTimeout(Duration.ofSeconds(5)).build();
    private final String baseUrl;
    private final String token;

    public IngestClient(String baseUrl, String token) {
        this.baseUrl = baseUrl;
        this.token = token;
    }

    /** Posts the rows of one stream; returns the number accepted, or throws with the service's answer. */
    public int post(String stream, List<String> header, List<List<String>> rows) {
        if (rows.isEmpty()) {
            return 0;
        }
        HttpRequest request = HttpRequest.newBuilder(URI.create(baseUrl + "/api/v1/streams/" + stream))
                .timeout(Duration.ofSeconds(60))
                .header("Content-Type", "text/csv")
                .header("Authorization", "Bearer " + token)
                .POST(HttpRequest.BodyPublishers.ofString(toCsv(header, rows)))
                .build();
        try {
            HttpResponse<String> response = http.send(request, HttpResponse.BodyHandlers.ofString());
            if (response.statusCode() != 202) {
                throw new IllegalStateException(
                        "POST " + stream + " answered " + response.statusCode() + ": " + response.body());
            }
            return rows.size();
        } catch (IOException e) {
            throw new UncheckedIOException("POST " + stream + " failed", e);
        } catch (InterruptedException e) {
            Thread.currentThread().interrupt();
            throw new IllegalStateException("interrupted", e);
        }
    }

    static String toCsv(List<String> header, List<List<String>> rows) {
        StringWriter out = new StringWriter();
        try (CSVPrinter printer = new CSVPrinter(
                out, CSVFormat.DEFAULT.builder().setRecordSeparator("\n").get())) {
            printer.printRecord(header);
            for (List<String> row : rows) {
                printer.printRecord(row);
            }
        } catch (IOException e) {
            throw new UncheckedIOException(e);
        }
        return out.toString();
    }
}

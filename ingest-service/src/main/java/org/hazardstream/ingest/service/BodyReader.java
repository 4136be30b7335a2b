package org.hazardstream.ingest.service;

import java.io.IOException;
import java.io.StringReader;
import java.util.ArrayList;
import java.util.HashSet;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Set;

import jakarta.enterprise.context.ApplicationScoped;

import org.apache.commons.csv.CSVFormat;
import org.apache.commons.csv.CSVParser;
import org.apache.commons.csv.CSVRecord;
import org.hazardstream.events.EventJson;

import com.fasterxml.jackson.core.JsonParseException;
import com.fasterxml.jackson.core.JsonParser;
import com.fasterxml.jackson.core.JsonToken;

/**
 * Reads a posted body (CSV with a header row, or a JSON array of flat objects) into rows of text fields. Structural
 * problems (duplicate or blank column names, a row with the wrong number of fields, a nested JSON value) are reported
 * per row; the column rules of the stream are checked afterwards by {@link BodyValidator}.
 */
@ApplicationScoped
public class BodyReader {

    private static final CSVFormat CSV =
            CSVFormat.DEFAULT.builder().setTrim(true).setIgnoreEmptyLines(true).get();

    public ParsedBody readCsv(String body) {
        List<ParsedBody.Row> rows = new ArrayList<>();
        List<RowError> errors = new ArrayList<>();
        try (CSVParser parser = CSVParser.parse(new StringReader(body), CSV)) {
            List<String> header = null;
            int row = 0;
            for (CSVRecord csv : parser) {
                if (header == null) {
                    header = readHeader(csv, errors);
                    if (!errors.isEmpty()) {
                        break; // with a broken header every row would repeat the same error
                    }
                    continue;
                }
                row++;
                if (csv.size() != header.size()) {
                    errors.add(new RowError(
                            row, null, "row has " + csv.size() + " fields, the header has " + header.size()));
                    continue;
                }
                Map<String, String> fields = new LinkedHashMap<>();
                for (int i = 0; i < header.size(); i++) {
                    fields.put(header.get(i), csv.get(i));
                }
                rows.add(new ParsedBody.Row(row, fields));
            }
            if (header == null) {
                errors.add(new RowError(0, null, "empty body: a header row is required"));
            }
        } catch (IOException | IllegalArgumentException | IllegalStateException | java.io.UncheckedIOException e) {
            errors.add(new RowError(rows.size() + 1, null, "not readable as CSV: " + e.getMessage()));
        }
        return new ParsedBody(rows, errors);
    }

    private static List<String> readHeader(CSVRecord csv, List<RowError> errors) {
        List<String> header = new ArrayList<>();
        Set<String> seen = new HashSet<>();
        for (String raw : csv) {
            String name = raw.startsWith("\uFEFF") ? raw.substring(1).trim() : raw.trim();
            if (name.isEmpty()) {
                errors.add(new RowError(0, null, "blank column name in the header"));
            } else if (!seen.add(name)) {
                errors.add(new RowError(0, name, "duplicate column '" + name + "' in the header"));
            }
            header.add(name);
        }
        return header;
    }

    /** A JSON array of objects whose values are strings, numbers, booleans or null (null = missing). */
    public ParsedBody readJson(String body) {
        List<ParsedBody.Row> rows = new ArrayList<>();
        List<RowError> errors = new ArrayList<>();
        int row = 0;
        try (JsonParser json = EventJson.mapper().getFactory().createParser(body)) {
            if (json.nextToken() != JsonToken.START_ARRAY) {
                errors.add(new RowError(0, null, "the body must be a JSON array of objects"));
                return new ParsedBody(rows, errors);
            }
            JsonToken token;
            while ((token = json.nextToken()) != JsonToken.END_ARRAY) {
                row++;
                if (token != JsonToken.START_OBJECT) {
                    errors.add(new RowError(row, null, "element is not an object"));
                    json.skipChildren();
                    continue;
                }
                Map<String, String> fields = new LinkedHashMap<>();
                while (json.nextToken() == JsonToken.FIELD_NAME) {
                    String name = json.currentName();
                    JsonToken value = json.nextToken();
                    if (value == JsonToken.START_OBJECT || value == JsonToken.START_ARRAY) {
                        errors.add(new RowError(row, name, "value must be a string, a number or null"));
                        json.skipChildren();
                        continue;
                    }
                    if (fields.containsKey(name)) {
                        errors.add(new RowError(row, name, "duplicate field '" + name + "'"));
                        continue;
                    }
                    fields.put(name, value == JsonToken.VALUE_NULL ? "" : json.getText());
                }
                rows.add(new ParsedBody.Row(row, fields));
            }
            if (json.nextToken() != null) {
                errors.add(new RowError(0, null, "unexpected content after the JSON array"));
            }
        } catch (JsonParseException e) {
            errors.add(new RowError(row, null, "not valid JSON: " + e.getOriginalMessage()));
        } catch (IOException e) {
            errors.add(new RowError(row, null, "not readable as JSON: " + e.getMessage()));
        }
        return new ParsedBody(rows, errors);
    }
}

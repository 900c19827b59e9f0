package org.govshare.support;

import java.io.ByteArrayOutputStream;
import java.io.IOException;
import java.net.URI;
import java.net.http.HttpClient;
import java.net.http.HttpRequest;
import java.net.http.HttpResponse;
import java.nio.charset.StandardCharsets;
import java.time.Duration;
import java.util.Base64;
import java.util.Map;
import java.util.UUID;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;

/** A small HTTP client for the tests: an official's Basic credentials, a correlation id per call. */
public final class Api {

    public static final String PASSWORD = "demo";
    private static final ObjectMapper JSON = new ObjectMapper();

    private final HttpClient http = HttpClient.newBuilder().connectTimeout(Duration.ofSeconds(5)).build();
    private final String base;

    public Api(int port) {
        this.base = "http://localhost:" + port;
    }

    public Response get(String login, String path) {
        return send(login, PASSWORD, request(path).GET(), null);
    }

    public Response post(String login, String path, String json) {
        return send(login, PASSWORD, request(path).POST(HttpRequest.BodyPublishers.ofString(json))
                .header("Content-Type", "application/json"), null);
    }

    /** Sends a body of the given content type, e.g. {@code application/yaml}. */
    public Response put(String login, String path, String contentType, String body) {
        return send(login, PASSWORD, request(path).PUT(HttpRequest.BodyPublishers.ofString(body))
                .header("Content-Type", contentType), null);
    }

    /** Posts a raw body of the given content type, e.g. a CSV file as {@code text/csv}. */
    public Response postBody(String login, String path, String contentType, byte[] body) {
        return postBody(login, PASSWORD, path, contentType, body);
    }

    /** Posts a raw body with a login and password, e.g. a registered system's client id and secret. */
    public Response postBody(String login, String password, String path, String contentType, byte[] body) {
        return send(login, password, request(path).timeout(Duration.ofMinutes(10))
                .POST(HttpRequest.BodyPublishers.ofByteArray(body)).header("Content-Type", contentType), null);
    }

    /** Uploads one file as the multipart field {@code file}. */
    public Response postFile(String login, String path, String fileName, byte[] content) {
        return postMultipart(login, path, "file", Map.of(fileName, content));
    }

    /**
     * Uploads files as multipart fields all named {@code files}, each under its own filename (for the rules API, its
     * path under rules/), in the map's order. With no files, posts nothing at all.
     */
    public Response postFiles(String login, String path, Map<String, byte[]> files) {
        if (files.isEmpty()) {
            return send(login, PASSWORD, request(path).POST(HttpRequest.BodyPublishers.noBody()), null);
        }
        return postMultipart(login, path, "files", files);
    }

    /** Uploads files each as the multipart field its key names (the file named the same); a null login sends no credentials. */
    public Response postParts(String login, String path, Map<String, byte[]> parts) {
        Multipart body = new Multipart();
        parts.forEach((field, content) -> body.part(field, field, "application/octet-stream", content));
        return body.post(login, path);
    }

    private Response postMultipart(String login, String path, String field, Map<String, byte[]> files) {
        Multipart body = new Multipart();
        files.forEach((fileName, content) -> body.part(field, fileName, "application/octet-stream", content));
        return body.post(login, path);
    }

    /** A multipart POST of one JSON part and, when a file is given, one file part: the shape of an error report. */
    public Response postJsonAndFile(String login, String path, String jsonPart, String json, String filePart,
                                    String fileName, String type, byte[] file) {
        Multipart body = new Multipart().part(jsonPart, null, "application/json", json.getBytes(StandardCharsets.UTF_8));
        if (file != null) {
            body.part(filePart, fileName, type, file);
        }
        return body.post(login, path);
    }

    /** A multipart/form-data body, part by part. */
    private final class Multipart {

        private final String boundary = "govshare-" + UUID.randomUUID();
        private final ByteArrayOutputStream body = new ByteArrayOutputStream();

        Multipart part(String name, String fileName, String type, byte[] content) {
            body.writeBytes(("--" + boundary + "\r\nContent-Disposition: form-data; name=\"" + name + "\""
                    + (fileName == null ? "" : "; filename=\"" + fileName + "\"") + "\r\nContent-Type: " + type
                    + "\r\n\r\n").getBytes(StandardCharsets.UTF_8));
            body.writeBytes(content);
            body.writeBytes("\r\n".getBytes(StandardCharsets.UTF_8));
            return this;
        }

        Response post(String login, String path) {
            body.writeBytes(("--" + boundary + "--\r\n").getBytes(StandardCharsets.UTF_8));
            return send(login, PASSWORD, request(path).header("Content-Type", "multipart/form-data; boundary=" + boundary)
                    .POST(HttpRequest.BodyPublishers.ofByteArray(body.toByteArray())), null);
        }
    }

    public Response getWithPassword(String login, String password, String path) {
        return send(login, password, request(path).GET(), null);
    }

    public Response send(String login, String password, HttpRequest.Builder builder, String unused) {
        String correlationId = UUID.randomUUID().toString();
        builder.header("X-Correlation-Id", correlationId);
        if (login != null) {
            builder.header("Authorization", "Basic " + Base64.getEncoder()
                    .encodeToString((login + ":" + password).getBytes(StandardCharsets.UTF_8)));
        }
        try {
            HttpResponse<String> response = http.send(builder.build(), HttpResponse.BodyHandlers.ofString());
            return new Response(response.statusCode(), response.body(), correlationId,
                    response.headers().firstValue("Content-Type").orElse(""));
        } catch (IOException e) {
            throw new IllegalStateException("request to " + builder.build().uri() + " failed", e);
        } catch (InterruptedException e) {
            Thread.currentThread().interrupt();
            throw new IllegalStateException(e);
        }
    }

    /** A GET answered as bytes (a ZIP, a PDF), under a correlation id of its own. */
    public Download download(String login, String path) {
        String correlationId = UUID.randomUUID().toString();
        HttpRequest.Builder builder = request(path).header("X-Correlation-Id", correlationId).GET();
        if (login != null) {
            builder.header("Authorization", "Basic " + Base64.getEncoder()
                    .encodeToString((login + ":" + PASSWORD).getBytes(StandardCharsets.UTF_8)));
        }
        try {
            HttpResponse<byte[]> response = http.send(builder.build(), HttpResponse.BodyHandlers.ofByteArray());
            return new Download(response.statusCode(), response.body(),
                    response.headers().firstValue("Content-Type").orElse(""), correlationId);
        } catch (IOException e) {
            throw new IllegalStateException("request to " + path + " failed", e);
        } catch (InterruptedException e) {
            Thread.currentThread().interrupt();
            throw new IllegalStateException(e);
        }
    }

    /** A file downloaded. */
    public record Download(int status, byte[] body, String contentType, String correlationId) {

        /** The files of a ZIP, by name, in their order. */
        public Map<String, byte[]> unzipped() {
            Map<String, byte[]> files = new java.util.LinkedHashMap<>();
            try (java.util.zip.ZipInputStream in = new java.util.zip.ZipInputStream(new java.io.ByteArrayInputStream(body),
                    StandardCharsets.UTF_8)) {
                for (java.util.zip.ZipEntry entry = in.getNextEntry(); entry != null; entry = in.getNextEntry()) {
                    files.put(entry.getName(), in.readAllBytes());
                }
            } catch (IOException e) {
                throw new AssertionError("not a ZIP (HTTP " + status + ")", e);
            }
            return files;
        }

        public String text() {
            return new String(body, StandardCharsets.UTF_8);
        }
    }

    public HttpRequest.Builder request(String path) {
        return HttpRequest.newBuilder(URI.create(base + path)).timeout(Duration.ofSeconds(30));
    }

    /** An answer, with the correlation id it was sent under (the audit trail files it under that id). */
    public record Response(int status, String body, String correlationId, String contentType) {

        public JsonNode json() {
            try {
                return JSON.readTree(body);
            } catch (IOException e) {
                throw new AssertionError("not JSON (HTTP " + status + "): " + body, e);
            }
        }
    }
}

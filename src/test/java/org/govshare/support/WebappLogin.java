package org.govshare.support;

import java.io.IOException;
import java.net.CookieManager;
import java.net.HttpCookie;
import java.net.URI;
import java.net.URLEncoder;
import java.net.http.HttpClient;
import java.net.http.HttpRequest;
import java.net.http.HttpResponse;
import java.nio.charset.StandardCharsets;
import java.time.Duration;
import java.util.Base64;
import java.util.UUID;

/** Logs in to a Camunda webapp as a browser does: fetch the page for the CSRF cookie, then post the login form. */
public final class WebappLogin {

    private final String base;

    public WebappLogin(int port) {
        this.base = "http://localhost:" + port;
    }

    /** The HTTP status of the login: 200 when the user may use the webapp. */
    public int login(String user, String webapp) {
        return login(user, Api.PASSWORD, webapp);
    }

    /** The HTTP status of a login with this password (401 when it is wrong). */
    public int login(String user, String password, String webapp) {
        return new Browser().logIn(user, password, webapp);
    }

    /** A browser logged in to the webapp (the login must succeed): its session cookie goes with every call. */
    public Browser loggedIn(String user, String webapp) {
        Browser browser = new Browser();
        int status = browser.logIn(user, Api.PASSWORD, webapp);
        if (status != 200) {
            throw new AssertionError(user + " could not log in to " + webapp + ": HTTP " + status);
        }
        return browser;
    }

    /** One browser: its cookie jar, and no credentials other than its cookies. */
    public final class Browser {

        private final CookieManager cookies = new CookieManager();
        private final HttpClient http = HttpClient.newBuilder().cookieHandler(cookies)
                .followRedirects(HttpClient.Redirect.NORMAL).connectTimeout(Duration.ofSeconds(5)).build();
        private String webapp;

        private int logIn(String user, String password, String webapp) {
            this.webapp = webapp;
            String form = "username=" + URLEncoder.encode(user, StandardCharsets.UTF_8) + "&password="
                    + URLEncoder.encode(password, StandardCharsets.UTF_8);
            return send(webappCall("/camunda/api/admin/auth/user/default/login/" + webapp)
                    .header("Content-Type", "application/x-www-form-urlencoded")
                    .POST(HttpRequest.BodyPublishers.ofString(form))).statusCode();
        }

        /** The id of the session the browser holds now. */
        public String sessionId() {
            return cookies.getCookieStore().getCookies().stream().filter(c -> c.getName().equals("JSESSIONID"))
                    .map(HttpCookie::getValue).reduce((first, last) -> last).orElse(null);
        }

        /** Logs out as Tasklist's menu does; the HTTP status. */
        public int logOut() {
            return send(webappCall("/camunda/api/admin/auth/user/default/logout")
                    .POST(HttpRequest.BodyPublishers.noBody())).statusCode();
        }

        public Api.Response get(String path) {
            return call(HttpRequest.newBuilder(URI.create(base + path)).GET());
        }

        /** A GET with an official's Basic credentials too, as a browser sends them once it was asked for them. */
        public Api.Response getWithBasic(String login, String path) {
            return call(HttpRequest.newBuilder(URI.create(base + path)).GET().header("Authorization", "Basic "
                    + Base64.getEncoder().encodeToString((login + ":" + Api.PASSWORD).getBytes(StandardCharsets.UTF_8))));
        }

        public Api.Response head(String path) {
            return call(HttpRequest.newBuilder(URI.create(base + path)).method("HEAD", HttpRequest.BodyPublishers.noBody()));
        }

        public Api.Response postJson(String path, String json) {
            return call(HttpRequest.newBuilder(URI.create(base + path)).header("Content-Type", "application/json")
                    .POST(HttpRequest.BodyPublishers.ofString(json)));
        }

        /** A JSON post to the webapp's own API ({@code /camunda/api/...}), as its script sends it. */
        public Api.Response postToWebappApi(String path, String json) {
            return call(webappCall(path).header("Content-Type", "application/json")
                    .POST(HttpRequest.BodyPublishers.ofString(json)));
        }

        /** A call with its own correlation id, under which the audit trail files it. */
        private Api.Response call(HttpRequest.Builder request) {
            String correlationId = UUID.randomUUID().toString();
            HttpResponse<String> response = send(request.header("X-Correlation-Id", correlationId));
            return new Api.Response(response.statusCode(), response.body(), correlationId,
                    response.headers().firstValue("Content-Type").orElse(""));
        }

        /** A call to the webapp's own API, with the CSRF token its page hands out, as the webapp's script sends it. */
        private HttpRequest.Builder webappCall(String path) {
            send(HttpRequest.newBuilder(URI.create(base + "/camunda/app/" + webapp + "/")).GET());
            String token = cookies.getCookieStore().getCookies().stream().filter(c -> c.getName().equals("XSRF-TOKEN"))
                    .map(HttpCookie::getValue).reduce((first, last) -> last)
                    .orElseThrow(() -> new AssertionError("no XSRF-TOKEN cookie"));
            return HttpRequest.newBuilder(URI.create(base + path)).header("X-XSRF-TOKEN", token);
        }

        private HttpResponse<String> send(HttpRequest.Builder request) {
            try {
                return http.send(request.timeout(Duration.ofSeconds(30)).build(), HttpResponse.BodyHandlers.ofString());
            } catch (IOException e) {
                throw new IllegalStateException(e);
            } catch (InterruptedException e) {
                Thread.currentThread().interrupt();
                throw new IllegalStateException(e);
            }
        }
    }
}

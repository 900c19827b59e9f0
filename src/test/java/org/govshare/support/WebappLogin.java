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

/** Logs in to a Camunda webapp as a browser does: fetch the page for the CSRF cookie, then post the login form. */
public final class WebappLogin {

    private final String base;

    public WebappLogin(int port) {
        this.base = "http://localhost:" + port;
    }

    /** The HTTP status of the login: 200 when the user may use the webapp. */
    public int login(String user, String webapp) {
        CookieManager cookies = new CookieManager();
        HttpClient browser = HttpClient.newBuilder().cookieHandler(cookies).followRedirects(HttpClient.Redirect.NORMAL).build();
        try {
            browser.send(HttpRequest.newBuilder(URI.create(base + "/camunda/app/" + webapp + "/")).build(),
                    HttpResponse.BodyHandlers.discarding());
            String token = cookies.getCookieStore().getCookies().stream().filter(c -> c.getName().equals("XSRF-TOKEN"))
                    .map(HttpCookie::getValue).findFirst().orElseThrow(() -> new AssertionError("no XSRF-TOKEN cookie"));
            String form = "username=" + URLEncoder.encode(user, StandardCharsets.UTF_8) + "&password=" + Api.PASSWORD;
            return browser.send(HttpRequest.newBuilder(URI.create(base + "/camunda/api/admin/auth/user/default/login/" + webapp))
                    .header("Content-Type", "application/x-www-form-urlencoded").header("X-XSRF-TOKEN", token)
                    .POST(HttpRequest.BodyPublishers.ofString(form)).build(), HttpResponse.BodyHandlers.discarding()).statusCode();
        } catch (IOException e) {
            throw new IllegalStateException(e);
        } catch (InterruptedException e) {
            Thread.currentThread().interrupt();
            throw new IllegalStateException(e);
        }
    }
}

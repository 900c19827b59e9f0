package org.govshare.platform.web;

import java.io.IOException;
import java.util.List;

import jakarta.servlet.FilterChain;
import jakarta.servlet.ReadListener;
import jakarta.servlet.ServletException;
import jakarta.servlet.ServletInputStream;
import jakarta.servlet.http.HttpServletRequest;
import jakarta.servlet.http.HttpServletRequestWrapper;
import jakarta.servlet.http.HttpServletResponse;
import org.springframework.core.Ordered;
import org.springframework.core.annotation.Order;
import org.springframework.http.HttpStatus;
import org.springframework.http.server.PathContainer;
import org.springframework.stereotype.Component;
import org.springframework.web.filter.OncePerRequestFilter;
import org.springframework.web.util.pattern.PathPattern;
import org.springframework.web.util.pattern.PathPatternParser;

/**
 * Refuses oversize bodies on the platform API: at once when the declared length is too large, and while reading
 * when a chunked body grows past the limit. Uploads (multipart) have their own limits in Spring's settings; a
 * feature that takes large bodies on one call declares a {@link RequestBodyAllowance} for it.
 */
@Component
@Order(Ordered.HIGHEST_PRECEDENCE + 20)
class RequestBodyLimitFilter extends OncePerRequestFilter {

    private final long maxBytes;
    private final List<Allowance> allowances;
    private final Problems problems;

    RequestBodyLimitFilter(RequestProperties properties, List<RequestBodyAllowance> allowances, Problems problems) {
        this.maxBytes = properties.maxBodySize().toBytes();
        this.allowances = allowances.stream().map(a -> new Allowance(a.method().name(),
                PathPatternParser.defaultInstance.parse(a.pathPattern()), a.maxBodySize().toBytes())).toList();
        this.problems = problems;
    }

    private record Allowance(String method, PathPattern path, long maxBytes) {
    }

    private long limitOf(HttpServletRequest request) {
        PathContainer path = PathContainer.parsePath(request.getRequestURI().substring(request.getContextPath().length()));
        return allowances.stream().filter(a -> a.method().equals(request.getMethod()) && a.path().matches(path))
                .mapToLong(Allowance::maxBytes).findFirst().orElse(maxBytes);
    }

    @Override
    protected boolean shouldNotFilter(HttpServletRequest request) {
        String contentType = request.getContentType();
        return contentType != null && contentType.startsWith("multipart/");
    }

    @Override
    protected void doFilterInternal(HttpServletRequest request, HttpServletResponse response, FilterChain chain)
            throws ServletException, IOException {
        long maxBytes = limitOf(request);
        if (request.getContentLengthLong() > maxBytes) {
            problems.write(request, response, HttpStatus.PAYLOAD_TOO_LARGE, "body-too-large",
                    "the request body has " + request.getContentLengthLong() + " bytes; at most " + maxBytes + " are accepted");
            return;
        }
        chain.doFilter(new LimitedRequest(request, maxBytes), response);
    }

    /** Thrown while reading a chunked body that exceeds the limit; answered with 413. */
    static class BodyTooLargeException extends IOException {
        BodyTooLargeException(long max) {
            super("the request body exceeds " + max + " bytes");
        }
    }

    private static final class LimitedRequest extends HttpServletRequestWrapper {
        private final long max;
        private ServletInputStream stream;

        LimitedRequest(HttpServletRequest request, long max) {
            super(request);
            this.max = max;
        }

        @Override
        public ServletInputStream getInputStream() throws IOException {
            if (stream == null) {
                ServletInputStream in = super.getInputStream();
                stream = new ServletInputStream() {
                    private long read;

                    @Override
                    public int read() throws IOException {
                        int b = in.read();
                        if (b >= 0 && ++read > max) {
                            throw new BodyTooLargeException(max);
                        }
                        return b;
                    }

                    @Override
                    public int read(byte[] buffer, int off, int len) throws IOException {
                        int n = in.read(buffer, off, len);
                        if (n > 0 && (read += n) > max) {
                            throw new BodyTooLargeException(max);
                        }
                        return n;
                    }

                    @Override
                    public boolean isFinished() {
                        return in.isFinished();
                    }

                    @Override
                    public boolean isReady() {
                        return in.isReady();
                    }

                    @Override
                    public void setReadListener(ReadListener listener) {
                        in.setReadListener(listener);
                    }
                };
            }
            return stream;
        }
    }
}

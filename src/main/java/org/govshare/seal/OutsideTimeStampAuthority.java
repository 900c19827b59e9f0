package org.govshare.seal;

import java.io.IOException;
import java.net.URI;
import java.net.http.HttpClient;
import java.net.http.HttpRequest;
import java.net.http.HttpResponse;
import java.security.SecureRandom;
import java.math.BigInteger;
import java.time.Duration;

import org.bouncycastle.asn1.ASN1ObjectIdentifier;
import org.bouncycastle.tsp.TSPException;
import org.bouncycastle.tsp.TimeStampRequest;
import org.bouncycastle.tsp.TimeStampRequestGenerator;
import org.bouncycastle.tsp.TimeStampResponse;
import org.bouncycastle.tsp.TimeStampToken;

/**
 * An outside RFC 3161 authority over HTTP ({@code application/timestamp-query}), used when
 * {@code govshare.seals.tsa.url} is set. Its answer is checked against the request (nonce, imprint) before use; its
 * certificate must be among the trusted ones, or seals it stamped do not verify.
 */
public class OutsideTimeStampAuthority implements TimeStamping {

    private static final SecureRandom RANDOM = new SecureRandom();

    private final URI url;
    private final HttpClient http = HttpClient.newBuilder().connectTimeout(Duration.ofSeconds(5)).build();

    OutsideTimeStampAuthority(URI url) {
        this.url = url;
    }

    @Override
    public TimeStampToken stamp(byte[] digest, ASN1ObjectIdentifier digestAlgorithm) {
        TimeStampRequestGenerator requests = new TimeStampRequestGenerator();
        requests.setCertReq(true);
        TimeStampRequest request = requests.generate(digestAlgorithm, digest, new BigInteger(64, RANDOM));
        try {
            HttpResponse<byte[]> answer = http.send(HttpRequest.newBuilder(url).timeout(Duration.ofSeconds(10))
                    .header("Content-Type", "application/timestamp-query")
                    .POST(HttpRequest.BodyPublishers.ofByteArray(request.getEncoded())).build(),
                    HttpResponse.BodyHandlers.ofByteArray());
            if (answer.statusCode() != 200) {
                throw new IllegalStateException("the time-stamping authority " + url + " answered " + answer.statusCode());
            }
            TimeStampResponse response = new TimeStampResponse(answer.body());
            response.validate(request);
            if (response.getTimeStampToken() == null) {
                throw new IllegalStateException("the time-stamping authority " + url + " refused: " + response.getStatusString());
            }
            return response.getTimeStampToken();
        } catch (IOException | TSPException e) {
            throw new IllegalStateException("the time-stamping authority " + url + " cannot be reached or answered"
                    + " badly: " + e.getMessage(), e);
        } catch (InterruptedException e) {
            Thread.currentThread().interrupt();
            throw new IllegalStateException("interrupted while asking " + url + " for a timestamp", e);
        }
    }
}

package org.govshare.seal;

import java.io.IOException;
import java.io.StringWriter;
import java.security.cert.X509Certificate;
import java.time.Instant;
import java.util.ArrayList;
import java.util.List;
import java.util.Locale;
import java.util.Set;

import org.bouncycastle.asn1.ASN1ObjectIdentifier;
import org.bouncycastle.asn1.cmp.PKIStatus;
import org.bouncycastle.asn1.cmp.PKIStatusInfo;
import org.bouncycastle.asn1.gm.GMObjectIdentifiers;
import org.bouncycastle.asn1.nist.NISTObjectIdentifiers;
import org.bouncycastle.asn1.tsp.TimeStampResp;
import org.bouncycastle.openssl.jcajce.JcaPEMWriter;
import org.bouncycastle.tsp.TSPException;
import org.bouncycastle.tsp.TimeStampRequest;
import org.govshare.identity.Official;
import org.govshare.identity.Role;
import org.govshare.identity.Workgroups;
import org.govshare.platform.web.ConflictException;
import org.govshare.platform.web.InvalidInputException;
import org.govshare.platform.web.InvalidInputException.FieldError;
import org.govshare.platform.web.NotFoundException;
import org.govshare.platform.web.PayloadTooLargeException;
import org.govshare.platform.web.ServiceUnavailableException;
import org.springframework.http.HttpHeaders;
import org.springframework.http.MediaType;
import org.springframework.http.ResponseEntity;
import org.springframework.security.access.AccessDeniedException;
import org.springframework.security.core.annotation.AuthenticationPrincipal;
import org.springframework.web.bind.annotation.GetMapping;
import org.springframework.web.bind.annotation.PathVariable;
import org.springframework.web.bind.annotation.PostMapping;
import org.springframework.web.bind.annotation.RequestBody;
import org.springframework.web.bind.annotation.RequestHeader;
import org.springframework.web.bind.annotation.RequestMapping;
import org.springframework.web.bind.annotation.RequestPart;
import org.springframework.web.bind.annotation.RestController;
import org.springframework.web.multipart.MultipartFile;

/**
 * Seals over HTTP. Open to anyone (no login, a rate limit per caller): checking a seal, the roots and the
 * time-stamping authority's certificates, the CRLs, and the platform's RFC 3161 authority. For the authority and
 * supervisors: the certificates issued; for the authority alone: revoking one.
 */
@RestController
@RequestMapping("/api/seals")
class SealController {

    static final MediaType PEM = MediaType.parseMediaType("application/x-pem-file");
    static final MediaType CRL = MediaType.parseMediaType("application/pkix-crl");
    static final MediaType CERTIFICATE_CHAIN = MediaType.parseMediaType("application/pem-certificate-chain");
    static final String TIMESTAMP_QUERY = "application/timestamp-query";
    static final String TIMESTAMP_REPLY = "application/timestamp-reply";
    /** The digests a timestamp request may name: the SHA-2 family and SM3. */
    private static final Set<ASN1ObjectIdentifier> TIMESTAMP_DIGESTS = Set.of(NISTObjectIdentifiers.id_sha256,
            NISTObjectIdentifiers.id_sha384, NISTObjectIdentifiers.id_sha512, GMObjectIdentifiers.sm3);

    private final SealVerification verification;
    private final SealCertificates certificates;
    private final TimeStamping timeStamping;
    private final Workgroups workgroups;
    private final SealVerificationProperties properties;
    private final ASN1ObjectIdentifier tsaPolicy;

    SealController(SealVerification verification, SealCertificates certificates, TimeStamping timeStamping,
                   Workgroups workgroups, SealVerificationProperties properties, SealProperties seals) {
        this.verification = verification;
        this.certificates = certificates;
        this.timeStamping = timeStamping;
        this.workgroups = workgroups;
        this.properties = properties;
        this.tsaPolicy = new ASN1ObjectIdentifier(seals.tsa().policy());
    }

    /** A document and its detached seal ({@code document} + {@code seal}), or a sealed file alone ({@code file}). */
    @PostMapping(path = "/verify", consumes = MediaType.MULTIPART_FORM_DATA_VALUE)
    SealVerification.Answer verify(@RequestPart(name = "document", required = false) MultipartFile document,
                                   @RequestPart(name = "seal", required = false) MultipartFile seal,
                                   @RequestPart(name = "file", required = false) MultipartFile file) throws IOException {
        if (file != null) {
            if (document != null || seal != null) {
                throw new InvalidInputException("file", "file-or-document-and-seal", "send a sealed file alone in 'file',"
                        + " or a document in 'document' and its seal in 'seal', not both");
            }
            return verification.verify(null, bytes("file", file));
        }
        List<FieldError> missing = new ArrayList<>();
        for (String name : List.of("document", "seal")) {
            MultipartFile part = name.equals("document") ? document : seal;
            if (part == null || part.isEmpty()) {
                missing.add(new FieldError(name, part == null ? "required" : "not-empty", part == null
                        ? "give the " + name + " (or a sealed file alone in 'file')" : "the " + name + " is empty"));
            }
        }
        if (!missing.isEmpty()) {
            throw new InvalidInputException(missing);
        }
        return verification.verify(bytes("document", document), bytes("seal", seal));
    }

    /** The platform's roots and its time-stamping authorities' certificates: what a verifier must already trust. */
    @GetMapping("/roots")
    ResponseEntity<String> roots() {
        TrustMaterial trust = certificates.trust();
        List<X509Certificate> all = new ArrayList<>(trust.roots());
        all.addAll(trust.timestampAuthorities());
        return ResponseEntity.ok().contentType(CERTIFICATE_CHAIN).body(pem(all.toArray()));
    }

    /** The current CRL of a root: DER, or PEM for {@code SM2.pem} or an Accept naming PEM. */
    @GetMapping("/crl/{algorithm}")
    ResponseEntity<?> crl(@PathVariable String algorithm,
                          @RequestHeader(name = HttpHeaders.ACCEPT, required = false) String accept) throws Exception {
        boolean asPem = algorithm.toLowerCase(Locale.ROOT).endsWith(".pem")
                || (accept != null && accept.contains(PEM.getSubtype()));
        String name = algorithm.replaceFirst("(?i)\\.(pem|crl|der)$", "");
        java.security.cert.X509CRL crl = certificates.crl(algorithmNamed(name));
        return asPem ? ResponseEntity.ok().contentType(PEM).body(pem(crl))
                : ResponseEntity.ok().contentType(CRL).body(crl.getEncoded());
    }

    @GetMapping("/certificates")
    List<CertificateView> certificates(@AuthenticationPrincipal Official me) {
        if (me == null || !workgroups.actsForTheAuthority(me) && !me.has(Role.SUPERVISOR)) {
            throw new AccessDeniedException("the certificates the platform issued are listed for the sharing authority"
                    + " and supervisors");
        }
        return certificates.certificates().stream().map(CertificateView::of).toList();
    }

    @PostMapping("/certificates/{serial}/revoke")
    CertificateView revoke(@PathVariable String serial, @RequestBody(required = false) Revocation revocation,
                           @AuthenticationPrincipal Official me) {
        if (me == null || !workgroups.actsForTheAuthority(me)) {
            throw new AccessDeniedException("only the sharing authority revokes a seal certificate");
        }
        if (revocation == null || revocation.reason() == null || revocation.reason().isBlank()) {
            throw new InvalidInputException("reason", "required", "say why the certificate is revoked");
        }
        IssuedCertificate found = certificates.find(serial).orElseThrow(() -> new NotFoundException("certificate", serial));
        if (!"VALID".equals(found.status())) {
            throw new ConflictException("serial", "already-revoked", "the certificate " + found.serial()
                    + " was revoked at " + found.revokedAt());
        }
        return certificates.revoke(found.serial(), me.login(), revocation.reason().strip()).map(CertificateView::of)
                .orElseThrow(() -> new NotFoundException("certificate", serial));
    }

    /** RFC 3161 over HTTP: a DER TimeStampReq in, a DER TimeStampResp out, answered by the platform's own authority. */
    @PostMapping(path = "/tsa", consumes = TIMESTAMP_QUERY, produces = TIMESTAMP_REPLY)
    ResponseEntity<byte[]> timestamp(@RequestBody byte[] query) throws IOException {
        if (!(timeStamping instanceof PlatformTimeStampAuthority platform)) {
            throw new ServiceUnavailableException("the platform takes its timestamps from an outside authority"
                    + " (govshare.seals.tsa.url): ask that one");
        }
        TimeStampRequest request;
        try {
            request = new TimeStampRequest(query);
        } catch (IOException | RuntimeException e) {
            throw new InvalidInputException("body", "timestamp-query", "the body is not a DER-encoded RFC 3161"
                    + " TimeStampReq (make one with: openssl ts -query -data FILE -sha256 -cert)");
        }
        try {
            request.validate(TIMESTAMP_DIGESTS, Set.of(tsaPolicy), null);
        } catch (TSPException e) {
            throw new InvalidInputException("body", "timestamp-query", e.getMessage() + "; the authority takes"
                    + " SHA-256, SHA-384, SHA-512 or SM3 imprints under its policy " + tsaPolicy);
        }
        TimeStampResp reply = new TimeStampResp(new PKIStatusInfo(PKIStatus.granted),
                platform.answer(request).toCMSSignedData().toASN1Structure());
        return ResponseEntity.ok().contentType(MediaType.parseMediaType(TIMESTAMP_REPLY)).body(reply.getEncoded("DER"));
    }

    private byte[] bytes(String field, MultipartFile part) throws IOException {
        if (part.isEmpty()) {
            throw new InvalidInputException(field, "not-empty", "the " + field + " is empty");
        }
        if (part.getSize() > properties.maxFileSize().toBytes()) {
            throw new PayloadTooLargeException(field, "max-size", "the " + field + " has " + part.getSize()
                    + " bytes; at most " + properties.maxFileSize().toKilobytes() + " KB are checked");
        }
        return part.getBytes();
    }

    private static SealAlgorithm algorithmNamed(String name) {
        try {
            return SealAlgorithm.valueOf(name.toUpperCase(Locale.ROOT));
        } catch (IllegalArgumentException e) {
            throw new InvalidInputException("algorithm", "unknown-value", "'" + name + "' is not an algorithm of the"
                    + " platform's roots; use one of " + java.util.Arrays.toString(SealAlgorithm.values()));
        }
    }

    private static String pem(Object... objects) {
        StringWriter out = new StringWriter();
        try (JcaPEMWriter writer = new JcaPEMWriter(out)) {
            for (Object o : objects) {
                writer.writeObject(o);
            }
        } catch (IOException e) {
            throw new IllegalStateException("a certificate or CRL cannot be written as PEM", e);
        }
        return out.toString();
    }

    /** @param reason why: kept with the certificate and in the audit trail */
    record Revocation(String reason) {
    }

    /** A certificate the platform issued, as the authority and supervisors see it. */
    record CertificateView(String serial, String owner, CertificatePurpose purpose, SealAlgorithm algorithm,
                           String subject, Instant notBefore, Instant notAfter, String status, Instant issuedAt,
                           Instant revokedAt, String revokedBy, String revocationReason) {

        static CertificateView of(IssuedCertificate c) {
            return new CertificateView(c.serial(), c.owner(), c.purpose(), c.algorithm(), c.subject(),
                    c.certificate().getNotBefore().toInstant(), c.certificate().getNotAfter().toInstant(), c.status(),
                    c.issuedAt(), c.revokedAt(), c.revokedBy(), c.revocationReason());
        }
    }
}

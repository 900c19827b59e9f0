package org.govshare.seal;

/** What a certificate the platform's root issued is for. */
public enum CertificatePurpose {
    ROOT,
    /** the platform's own time-stamping authority */
    TSA,
    /** the platform acting as GB/T 38540 seal maker: it signs the department seals */
    SEAL_MAKER,
    /** a department's seal certificate */
    DEPARTMENT_SEAL
}

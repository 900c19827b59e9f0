package org.govshare.catalog;

/** Art. 10, 11: a resource is hosted on the platform, or reached through it at the provider. */
public enum SharingMethod {
    HOSTED_DATASET,
    PROVIDER_SERVICE
}

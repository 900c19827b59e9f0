/**
 * What every feature builds on and which knows no feature: form values, CSV and JSON columns, process text,
 * background work, the correlation id, and the web, database, secrets and search infrastructure in its
 * sub-packages. Nothing here imports a feature package; ArchitectureTest checks it.
 */
package org.govshare.platform;

/**
 * What every feature builds on and which knows no feature: case numbers and rows, form values, CSV and JSON
 * columns, background work, the correlation id, and the web, secrets and search infrastructure in its
 * sub-packages. Nothing here imports a feature package; ArchitectureTest checks it.
 */
package org.govshare.platform;

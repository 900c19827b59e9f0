/**
 * The documents the sharing authority issues: written as plain official PDFs on the platform's shared pages, sealed
 * with the authority's PAdES seal, stored once and served as stored. Disputes, rectification and the annual
 * assessment issue through it and decide who may download; it knows none of them.
 */
package org.govshare.document;

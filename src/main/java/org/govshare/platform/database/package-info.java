/**
 * The database's set-up: the embedded PostgreSQL of the local run, state kept with one transaction (its memo, work
 * after its commit), and the counters every node shares
 * ({@link org.govshare.platform.database.CounterDatabase}), which features use.
 */
@NamedInterface("database")
package org.govshare.platform.database;

import org.springframework.modulith.NamedInterface;

/**
 * Internal: not API. The JDBC adapter's stores, SQL, text encoding, error translation and start-up
 * checks. Anything here may change in any release; use {@link org.medcoord.adapter.jdbc.JdbcStorage}
 * and {@link org.medcoord.adapter.jdbc.JdbcOptions} instead.
 */
package org.medcoord.adapter.jdbc.internal;

/**
 * Durable storage over JDBC: an embedded H2 file by default, PostgreSQL for several nodes.
 *
 * @since 0.1
 */
package org.medcoord.adapter.jdbc;

/**
 * Durable storage over JDBC: an embedded H2 file by default, PostgreSQL for several nodes.
 * {@link org.medcoord.adapter.jdbc.JdbcStoragePlugin} contributes a
 * {@link org.medcoord.adapter.jdbc.JdbcStorage} opened with
 * {@link org.medcoord.adapter.jdbc.JdbcOptions}. Everything in the {@code internal} sub-package is
 * not API.
 *
 * @since 0.1
 */
package org.medcoord.adapter.jdbc;

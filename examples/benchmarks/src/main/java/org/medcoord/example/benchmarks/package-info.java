/**
 * Benchmarks: slot search, booking, durable storage and the audit chain, each measured as a ratio
 * against a baseline run in the same process; figures and commands in
 * {@code examples/benchmarks/RESULTS.md}. Not API.
 */
package org.medcoord.example.benchmarks;

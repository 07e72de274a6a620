/**
 * Ready-made audit parts a host registers: checkpoint witnesses that keep the signed audit
 * checkpoints outside the database.
 *
 * @since 0.1
 */
package org.medcoord.core.audit;

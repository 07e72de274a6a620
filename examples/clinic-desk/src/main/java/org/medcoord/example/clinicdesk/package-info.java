/**
 * clinic-desk: a command-line front desk embedding MedCoord. {@link
 * org.medcoord.example.clinicdesk.ClinicDesk} is the entry point; {@link
 * org.medcoord.example.clinicdesk.DemoClinic} sets up the in-memory demo clinic every command
 * uses.
 */
package org.medcoord.example.clinicdesk;

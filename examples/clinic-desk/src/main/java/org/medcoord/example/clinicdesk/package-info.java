/**
 * clinic-desk: a command-line front desk embedding MedCoord. {@link
 * org.medcoord.example.clinicdesk.ClinicDesk} is the entry point; {@link
 * org.medcoord.example.clinicdesk.DemoClinic} sets up the demo clinic (on an embedded H2 file by default) every command
 * uses.
 */
package org.medcoord.example.clinicdesk;

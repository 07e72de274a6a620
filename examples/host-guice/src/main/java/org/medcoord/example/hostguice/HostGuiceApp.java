package org.medcoord.example.hostguice;

import com.google.inject.Guice;
import com.google.inject.Injector;
import java.time.Clock;
import org.medcoord.api.Coordinator;
import org.medcoord.api.appointment.Appointment;
import org.medcoord.api.common.PatientId;

/**
 * Runs the host: creates the host's injector with MedCoord's module installed, opens the clinic
 * and books two patients.
 */
public final class HostGuiceApp {
    private HostGuiceApp() {
    }

    /**
     * Runs the example.
     *
     * @param args none
     */
    public static void main(String[] args) {
        Injector injector = Guice.createInjector(new HostModule(Clock.systemUTC()));
        Coordinator coordinator = injector.getInstance(Coordinator.class);
        try {
            FrontDesk desk = injector.getInstance(FrontDesk.class);
            desk.openClinic();
            for (String patient : new String[] {"p-1", "p-2"}) {
                Appointment booked = desk.bookFirstFree(PatientId.of(patient));
                System.out.println("booked " + booked.id() + " at " + booked.start());
            }
        } finally {
            // The host owns the coordinator's lifetime: close it when the host stops.
            coordinator.close();
        }
    }
}

package org.medcoord.core.json;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import java.time.Duration;
import java.time.Instant;
import java.time.LocalDate;
import java.time.ZoneId;
import java.util.List;
import java.util.Optional;
import org.junit.jupiter.api.Test;
import org.medcoord.api.access.FacilityId;
import org.medcoord.api.appointment.Appointment;
import org.medcoord.api.appointment.VisitReason;
import org.medcoord.api.appointment.AppointmentId;
import org.medcoord.api.appointment.AppointmentStatus;
import org.medcoord.api.appointment.BookCommand;
import org.medcoord.api.appointment.IdempotencyKey;
import org.medcoord.api.appointment.Recurrence;
import org.medcoord.api.appointment.SeriesCommand;
import org.medcoord.api.appointment.SeriesPolicy;
import org.medcoord.api.appointment.StatusChange;
import org.medcoord.api.access.UserId;
import org.medcoord.api.common.InvalidRequestException;
import org.medcoord.api.common.PatientId;
import org.medcoord.api.document.Answer;
import org.medcoord.api.document.DocumentCompletion;
import org.medcoord.api.document.DocumentId;
import org.medcoord.api.document.DocumentRequest;
import org.medcoord.api.document.DocumentType;
import org.medcoord.api.document.QuestionnaireResponse;
import org.medcoord.api.document.ResponseItem;
import org.medcoord.api.schedule.Preferences;
import org.medcoord.api.schedule.Resource;
import org.medcoord.api.schedule.ResourceId;
import org.medcoord.api.schedule.ResourceKind;
import org.medcoord.api.schedule.ResourceRequirement;
import org.medcoord.api.schedule.RoleAssignment;
import org.medcoord.api.schedule.ServiceType;
import org.medcoord.api.schedule.ServiceTypeId;
import org.medcoord.api.schedule.SlotQuery;
import org.medcoord.api.schedule.TimeOfDay;
import org.medcoord.api.schedule.WeeklyTemplate;

class MedCoordJsonTest {
    private static final ZoneId NY = ZoneId.of("America/New_York");
    private static final Instant NINE = Instant.parse("2027-03-01T14:00:00Z");

    private static <T> void roundTrips(T value, Class<T> type) {
        String json = MedCoordJson.write(value);
        assertThat(MedCoordJson.read(json, type)).isEqualTo(value);
    }

    @Test
    void api_records_round_trip_with_java_time_and_optionals() {
        roundTrips(Resource.of("dr-a", ResourceKind.PRACTITIONER, "Dr A", NY, "north", "cardiology").withCapacity(2),
                Resource.class);
        roundTrips(ServiceType.of("mri", "MRI", Duration.ofMinutes(45),
                ResourceRequirement.of("scanner", ResourceKind.DEVICE, "mri")).withBuffers(Duration.ofMinutes(10),
                Duration.ofMinutes(15)), ServiceType.class);
        roundTrips(WeeklyTemplate.of(ResourceId.of("dr-a"), LocalDate.of(2027, 1, 1), "08:00", "17:00",
                java.time.DayOfWeek.MONDAY), WeeklyTemplate.class);
        BookCommand book = new BookCommand(ServiceTypeId.of("consult"), PatientId.of("p-1"), NINE,
                List.of(RoleAssignment.of("specialist", "dr-a")), Optional.of(IdempotencyKey.of("k-1")), Optional.empty());
        roundTrips(book, BookCommand.class);
        roundTrips(new SeriesCommand(book, Recurrence.weekly(4), SeriesPolicy.BOOK_AVAILABLE), SeriesCommand.class);
        roundTrips(SlotQuery.earliest(ServiceTypeId.of("consult"), PatientId.of("p-1"), NINE, NINE.plusSeconds(86_400), 5)
                .with(Preferences.NONE.during(NY, TimeOfDay.MORNING)), SlotQuery.class);
        roundTrips(new Appointment(AppointmentId.of("apt-1"), PatientId.of("p-1"), ServiceTypeId.of("consult"), NINE,
                NINE.plusSeconds(1800), List.of(RoleAssignment.of("specialist", "dr-a")), AppointmentStatus.BOOKED,
                Optional.empty(), false, List.of(new StatusChange(Optional.empty(), AppointmentStatus.BOOKED, NINE,
                UserId.of("u-1"), "booked", false)), 1, FacilityId.of("fac-1"),
                Optional.of(VisitReason.of("knee pain", "M25.561"))), Appointment.class);
    }

    @Test
    void paperwork_commands_round_trip_with_typed_answers() {
        roundTrips(DocumentRequest.of(PatientId.of("p-1"), DocumentType.MRI_SAFETY_SCREENING.id()),
                DocumentRequest.class);
        DocumentCompletion completion = DocumentCompletion.answered(DocumentId.of("doc-1"), QuestionnaireResponse.of(
                ResponseItem.of("implant", Answer.of(true), Answer.code("stent")),
                ResponseItem.of("weight-kg", Answer.of(80L)),
                ResponseItem.of("last-scan", Answer.of(LocalDate.of(2026, 2, 3))),
                ResponseItem.of("notes", Answer.text("none"))));
        roundTrips(completion, DocumentCompletion.class);
        roundTrips(DocumentCompletion.signed(DocumentId.of("doc-2")), DocumentCompletion.class);
        roundTrips(DocumentType.MRI_SAFETY_SCREENING, DocumentType.class);
        assertThat(MedCoordJson.write(completion)).contains("\"document\":\"doc-1\"")
                .contains("{\"type\":\"boolean\",\"value\":true}").contains("{\"type\":\"date\",\"value\":\"2026-02-03\"}");
    }

    @Test
    void ids_are_plain_strings_and_instants_are_iso_8601() {
        String json = MedCoordJson.write(BookCommand.at(ServiceTypeId.of("consult"), PatientId.of("p-1"), NINE));
        assertThat(json).contains("\"patient\":\"p-1\"").contains("\"start\":\"2027-03-01T14:00:00Z\"");
    }

    @Test
    void a_value_that_breaks_a_record_rule_names_the_json_path_without_echoing_it() {
        String json = "{\"service\":\"consult\",\"patient\":\"Jane Doe\",\"start\":\"2027-03-01T14:00:00Z\","
                + "\"resources\":[],\"idempotencyKey\":null,\"override\":null}";
        assertThatThrownBy(() -> MedCoordJson.read(json, BookCommand.class))
                .isInstanceOf(InvalidRequestException.class)
                .hasMessageContaining("patient")
                .hasMessageNotContaining("Jane");
        assertThatThrownBy(() -> MedCoordJson.read("{not json", BookCommand.class))
                .isInstanceOf(InvalidRequestException.class);
        assertThatThrownBy(() -> MedCoordJson.read("{\"surprise\":1}", BookCommand.class))
                .isInstanceOf(InvalidRequestException.class).hasMessageContaining("surprise");
    }
}

package org.medcoord.adapter.jdbc.internal;

import java.sql.Connection;
import java.sql.PreparedStatement;
import java.sql.ResultSet;
import java.sql.SQLException;
import java.time.Duration;
import java.time.Instant;
import java.time.LocalDate;
import java.util.ArrayList;
import java.util.Collection;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Objects;
import java.util.Optional;
import org.medcoord.api.common.ConflictException;
import org.medcoord.api.common.NotFoundException;
import org.medcoord.api.common.PatientId;
import org.medcoord.api.document.Answer;
import org.medcoord.api.document.AnswerType;
import org.medcoord.api.document.DocumentId;
import org.medcoord.api.document.DocumentKind;
import org.medcoord.api.document.DocumentRequirement;
import org.medcoord.api.document.DocumentStatus;
import org.medcoord.api.document.DocumentType;
import org.medcoord.api.document.DocumentTypeId;
import org.medcoord.api.document.PatientDocument;
import org.medcoord.api.document.Questionnaire;
import org.medcoord.api.document.QuestionnaireItem;
import org.medcoord.api.document.QuestionnaireResponse;
import org.medcoord.api.document.ResponseItem;
import org.medcoord.api.schedule.ServiceTypeId;
import org.medcoord.spi.storage.DocumentStore;
import org.medcoord.spi.storage.support.UnitBinding;

/**
 * Paperwork in five tables (migration V4): document types and their questionnaires, one
 * requirement row per service (the document type ids in order, encoded), one row per patient
 * document with its lifecycle instants in epoch nanoseconds, and the answers of a document
 * encoded in one text column. A requirement write also moves the schedule version on
 * ({@link JdbcScheduleStore#changed}), since coordinators cache requirements by that version.
 */
final class JdbcDocumentStore extends StoreBase implements DocumentStore {
    private static final String COLUMNS = "id, patient_id, type_id, status, requested_ns, sent_ns, completed_ns, "
            + "expires_ns, revoked_ns, revocation_reason, version";

    private final String putType;
    private final String findType;
    private final String types;
    private final String putRequirement;
    private final String deleteRequirement;
    private final String requirement;
    private final String insert;
    private final String update;
    private final String versionOf;
    private final String find;
    private final String forPatient;
    private final String forPatients;
    private final String putResponse;
    private final String response;
    private final String putQuestionnaire;
    private final String questionnaire;

    private final JdbcScheduleStore schedule;

    JdbcDocumentStore(UnitBinding<Unit> units, Dialect dialect, Tables tables, JdbcScheduleStore schedule) {
        super(units, dialect, tables);
        this.schedule = schedule;
        putType = dialect.upsert(tables.documentTypes(), "id", "id", "kind", "validity");
        findType = "SELECT id, kind, validity FROM " + tables.documentTypes() + " WHERE id = ?";
        types = "SELECT id, kind, validity FROM " + tables.documentTypes() + " ORDER BY id";
        putRequirement = dialect.upsert(tables.documentRequirements(), "service_id", "service_id", "document_types");
        deleteRequirement = "DELETE FROM " + tables.documentRequirements() + " WHERE service_id = ?";
        requirement = "SELECT service_id, document_types FROM " + tables.documentRequirements() + " WHERE service_id = ?";
        insert = dialect.insertIfAbsent(tables.patientDocuments(), "id", COLUMNS.split(", "));
        update = "UPDATE " + tables.patientDocuments() + " SET patient_id = ?, type_id = ?, status = ?, requested_ns = ?, "
                + "sent_ns = ?, completed_ns = ?, expires_ns = ?, revoked_ns = ?, revocation_reason = ?, version = ? "
                + "WHERE id = ? AND version = ?";
        versionOf = "SELECT version FROM " + tables.patientDocuments() + " WHERE id = ?";
        find = "SELECT " + COLUMNS + " FROM " + tables.patientDocuments() + " WHERE id = ?";
        forPatient = "SELECT " + COLUMNS + " FROM " + tables.patientDocuments()
                + " WHERE patient_id = ? ORDER BY requested_ns, id";
        // One read for many patients, on the (patient_id, requested_ns, id) index: on H2 through a
        // table of the ids, so that it seeks the index once per patient.
        forPatients = dialect == Dialect.H2
                ? "SELECT d." + COLUMNS.replace(", ", ", d.") + " FROM " + Dialect.H2_ID_TABLE + " JOIN "
                        + tables.patientDocuments() + " d ON d.patient_id = t.id ORDER BY d.requested_ns, d.id"
                : "SELECT " + COLUMNS + " FROM " + tables.patientDocuments()
                        + " WHERE patient_id = ANY(?) ORDER BY requested_ns, id";
        putResponse = dialect.upsert(tables.questionnaireResponses(), "document_id", "document_id", "items");
        response = "SELECT items FROM " + tables.questionnaireResponses() + " WHERE document_id = ?";
        putQuestionnaire = dialect.upsert(tables.questionnaires(), "type_id", "type_id", "items");
        questionnaire = "SELECT type_id, items FROM " + tables.questionnaires() + " WHERE type_id = ?";
    }

    @Override
    public void putType(DocumentType type) {
        Objects.requireNonNull(type, "type");
        Sql.update(writing(), putType, s -> {
            s.setString(1, type.id().value());
            s.setString(2, type.kind().name());
            Sql.setNullable(s, 3, type.validity().map(Duration::toString).orElse(null));
        }, "store document type " + type.id());
    }

    @Override
    public Optional<DocumentType> findType(DocumentTypeId id) {
        Objects.requireNonNull(id, "id");
        return Sql.one(reading(), findType, s -> s.setString(1, id.value()), JdbcDocumentStore::type,
                "read document type " + id);
    }

    @Override
    public List<DocumentType> types() {
        return Sql.list(reading(), types, s -> { }, JdbcDocumentStore::type, "list document types");
    }

    @Override
    public void putRequirement(DocumentRequirement requirement) {
        Objects.requireNonNull(requirement, "requirement");
        String service = requirement.service().value();
        Connection connection = writing();
        if (requirement.documents().isEmpty()) {
            Sql.update(connection, deleteRequirement, s -> s.setString(1, service),
                    "remove the document requirement of service type " + service);
        } else {
            Sql.update(connection, putRequirement, s -> {
                s.setString(1, service);
                s.setString(2, Values.strings(requirement.documents().stream().map(DocumentTypeId::value).toList()));
            }, "store the document requirement of service type " + service);
        }
        schedule.changed(connection);
    }

    @Override
    public Optional<DocumentRequirement> requirement(ServiceTypeId service) {
        Objects.requireNonNull(service, "service");
        return Sql.one(reading(), requirement, s -> s.setString(1, service.value()),
                rows -> new DocumentRequirement(ServiceTypeId.of(rows.getString("service_id")),
                        Values.strings(rows.getString("document_types")).stream().map(DocumentTypeId::of).toList()),
                "read the document requirement of service type " + service);
    }

    @Override
    public void insert(PatientDocument document) {
        Objects.requireNonNull(document, "document");
        Connection connection = writing();
        String id = document.id().value();
        int added;
        try (PreparedStatement s = connection.prepareStatement(insert)) {
            s.setString(1, id);
            bindFields(s, 2, document);
            added = s.executeUpdate();
        } catch (SQLException e) {
            if (dialect != Dialect.H2 || !SqlFailures.isUniqueViolation(e)) {
                throw SqlFailures.translate(e, "insert document " + id);
            }
            added = 0;
        }
        if (added == 0) {
            throw new ConflictException("document-exists", "document " + id + " exists");
        }
    }

    @Override
    public void update(PatientDocument document) {
        Objects.requireNonNull(document, "document");
        Connection connection = writing();
        String id = document.id().value();
        int changed = Sql.update(connection, update, s -> {
            bindFields(s, 1, document);
            s.setString(11, id);
            s.setLong(12, document.version() - 1);
        }, "update document " + id);
        if (changed == 0) {
            Optional<Long> version = Sql.one(connection, versionOf, s -> s.setString(1, id), r -> r.getLong(1),
                    "read the version of document " + id);
            if (version.isEmpty()) {
                throw new NotFoundException("document", id);
            }
            throw new ConflictException("concurrent-update", "document " + id + " is at version " + version.get()
                    + "; an update to version " + document.version() + " was refused");
        }
    }

    @Override
    public Optional<PatientDocument> find(DocumentId id) {
        Objects.requireNonNull(id, "id");
        return Sql.one(reading(), find, s -> s.setString(1, id.value()), JdbcDocumentStore::document,
                "read document " + id);
    }

    @Override
    public List<PatientDocument> forPatient(PatientId patient) {
        Objects.requireNonNull(patient, "patient");
        return Sql.list(reading(), forPatient, s -> s.setString(1, patient.value()), JdbcDocumentStore::document,
                "list the documents of patient " + patient);
    }

    @Override
    public Map<PatientId, List<PatientDocument>> forPatients(Collection<PatientId> patients) {
        Map<PatientId, List<PatientDocument>> out = new LinkedHashMap<>();
        for (PatientId patient : Objects.requireNonNull(patients, "patients")) {
            out.put(Objects.requireNonNull(patient, "patients element"), new ArrayList<>());
        }
        if (out.isEmpty()) {
            return out;
        }
        Connection connection = reading();
        List<String> ids = out.keySet().stream().map(PatientId::value).toList();
        for (PatientDocument d : Sql.list(connection, forPatients, s -> s.setArray(1, dialect.textArray(connection, ids)),
                JdbcDocumentStore::document, "list the documents of " + ids.size() + " patients")) {
            out.get(d.patient()).add(d);
        }
        out.replaceAll((patient, documents) -> List.copyOf(documents));
        return out;
    }

    @Override
    public void putResponse(DocumentId document, QuestionnaireResponse response) {
        Objects.requireNonNull(document, "document");
        Objects.requireNonNull(response, "response");
        Sql.update(writing(), putResponse, s -> {
            s.setString(1, document.value());
            s.setString(2, items(response));
        }, "store the answers of document " + document);
    }

    @Override
    public Optional<QuestionnaireResponse> response(DocumentId document) {
        Objects.requireNonNull(document, "document");
        return Sql.one(reading(), response, s -> s.setString(1, document.value()),
                rows -> items(rows.getString("items")), "read the answers of document " + document);
    }

    @Override
    public void putQuestionnaire(Questionnaire q) {
        Objects.requireNonNull(q, "questionnaire");
        Sql.update(writing(), putQuestionnaire, s -> {
            s.setString(1, q.type().value());
            s.setString(2, Codec.encodeAll(q.items(), i -> Codec.fields(i.linkId(), i.type().name(),
                    Boolean.toString(i.required()), Boolean.toString(i.repeats()))));
        }, "store the questionnaire of document type " + q.type());
    }

    @Override
    public Optional<Questionnaire> questionnaire(DocumentTypeId type) {
        Objects.requireNonNull(type, "type");
        return Sql.one(reading(), questionnaire, s -> s.setString(1, type.value()),
                rows -> new Questionnaire(DocumentTypeId.of(rows.getString("type_id")),
                        Codec.decodeAll(rows.getString("items"), f -> new QuestionnaireItem(f.get(0),
                                AnswerType.valueOf(f.get(1)), parseBoolean(f.get(2)), parseBoolean(f.get(3))))),
                "read the questionnaire of document type " + type);
    }

    /** Binds the ten columns after the id, from {@code first}; the version is the tenth. */
    private static void bindFields(PreparedStatement s, int first, PatientDocument d) throws SQLException {
        s.setString(first, d.patient().value());
        s.setString(first + 1, d.type().value());
        s.setString(first + 2, d.status().name());
        s.setLong(first + 3, Nanos.of(d.requestedAt(), "document.requestedAt"));
        Sql.setNullable(s, first + 4, nanos(d.sentAt(), "document.sentAt"));
        Sql.setNullable(s, first + 5, nanos(d.completedAt(), "document.completedAt"));
        Sql.setNullable(s, first + 6, nanos(d.expiresAt(), "document.expiresAt"));
        Sql.setNullable(s, first + 7, nanos(d.revokedAt(), "document.revokedAt"));
        Sql.setNullable(s, first + 8, d.revocationReason().orElse(null));
        s.setLong(first + 9, d.version());
    }

    private static Long nanos(Optional<Instant> instant, String field) {
        return instant.map(i -> Nanos.of(i, field)).orElse(null);
    }

    private static Optional<Instant> instant(ResultSet rows, String column) throws SQLException {
        return Optional.ofNullable(Sql.nullableLong(rows, column)).map(Nanos::instant);
    }

    private static DocumentType type(ResultSet rows) throws SQLException {
        return new DocumentType(DocumentTypeId.of(rows.getString("id")), DocumentKind.valueOf(rows.getString("kind")),
                Optional.ofNullable(rows.getString("validity")).map(Duration::parse));
    }

    private static PatientDocument document(ResultSet rows) throws SQLException {
        return new PatientDocument(DocumentId.of(rows.getString("id")), PatientId.of(rows.getString("patient_id")),
                DocumentTypeId.of(rows.getString("type_id")), DocumentStatus.valueOf(rows.getString("status")),
                Nanos.instant(rows.getLong("requested_ns")), instant(rows, "sent_ns"), instant(rows, "completed_ns"),
                instant(rows, "expires_ns"), instant(rows, "revoked_ns"),
                Optional.ofNullable(rows.getString("revocation_reason")), rows.getLong("version"));
    }

    /** Items as a list of (linkId, answers); each answer as (kind letter, value). */
    private static String items(QuestionnaireResponse response) {
        return Codec.encodeAll(response.items(), item -> Codec.fields(item.linkId(),
                Codec.encodeAll(item.answers(), JdbcDocumentStore::answer)));
    }

    private static QuestionnaireResponse items(String text) {
        return new QuestionnaireResponse(Codec.decodeAll(text, f -> new ResponseItem(f.get(0),
                Codec.decodeAll(f.get(1), JdbcDocumentStore::answer))));
    }

    private static String answer(Answer answer) {
        if (answer instanceof Answer.BooleanValue b) {
            return Codec.fields("b", Boolean.toString(b.value()));
        }
        if (answer instanceof Answer.CodeValue c) {
            return Codec.fields("c", c.code());
        }
        if (answer instanceof Answer.IntegerValue i) {
            return Codec.fields("i", Long.toString(i.value()));
        }
        if (answer instanceof Answer.DateValue d) {
            return Codec.fields("d", d.value().toString());
        }
        return Codec.fields("t", ((Answer.TextValue) answer).value());
    }

    private static Answer answer(List<String> f) {
        String value = f.get(1);
        return switch (f.get(0)) {
            case "b" -> Answer.of(parseBoolean(value));
            case "c" -> Answer.code(value);
            case "i" -> Answer.of(Long.parseLong(value));
            case "d" -> Answer.of(LocalDate.parse(value));
            case "t" -> Answer.text(value);
            default -> throw new IllegalArgumentException("unknown answer kind");
        };
    }

    private static boolean parseBoolean(String text) {
        if ("true".equals(text)) {
            return true;
        }
        if ("false".equals(text)) {
            return false;
        }
        throw new IllegalArgumentException("not a boolean");
    }
}

package io.depotops.core.adapter.out.persistence;

import com.fasterxml.jackson.core.JsonProcessingException;
import com.fasterxml.jackson.core.type.TypeReference;
import com.fasterxml.jackson.databind.ObjectMapper;
import io.depotops.core.application.InvalidInputException;
import io.depotops.core.application.ListQuery;
import io.depotops.core.application.port.CommandStore;
import io.depotops.core.domain.ChargerCommand;
import io.depotops.core.domain.Page;
import io.quarkus.hibernate.orm.panache.Panache;
import jakarta.enterprise.context.ApplicationScoped;
import jakarta.persistence.EntityManager;
import java.time.Instant;
import java.util.ArrayList;
import java.util.Base64;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.UUID;

/** Commands in PostgreSQL; outcomes are conditional updates, so only the first one counts. */
@ApplicationScoped
class CommandStoreAdapter implements CommandStore {

    private static final String COLUMNS =
            "id, workspace_id, charger_id, charge_point_id, command, cast(parameters as text),"
                    + " requested_by, requested_at, deadline, status, detail, cast(response as text), completed_at, created_at";

    private final ObjectMapper json;

    CommandStoreAdapter(ObjectMapper json) {
        this.json = json;
    }

    @Override
    public ChargerCommand insert(ChargerCommand c) {
        em().createNativeQuery("insert into charger_command (id, workspace_id, charger_id, charge_point_id, command,"
                        + " parameters, requested_by, requested_at, deadline, status)"
                        + " values (?1, ?2, ?3, ?4, ?5, cast(?6 as jsonb), ?7, ?8, ?9, ?10)")
                .setParameter(1, c.id())
                .setParameter(2, c.workspaceId())
                .setParameter(3, c.chargerId())
                .setParameter(4, c.chargePointId())
                .setParameter(5, c.command())
                .setParameter(6, write(c.parameters()))
                .setParameter(7, c.requestedBy())
                .setParameter(8, c.requestedAt())
                .setParameter(9, c.deadline())
                .setParameter(10, c.status())
                .executeUpdate();
        return c;
    }

    @Override
    public Optional<ChargerCommand> find(UUID workspaceId, UUID id) {
        List<?> rows = em().createNativeQuery(
                        "select " + COLUMNS + " from charger_command where workspace_id = ?1 and id = ?2")
                .setParameter(1, workspaceId)
                .setParameter(2, id)
                .getResultList();
        return rows.stream().findFirst().map(row -> toDomain((Object[]) row));
    }

    /** Newest first; the cursor is the last row's (created_at, id). */
    @Override
    public Page<ChargerCommand> list(UUID workspaceId, ListQuery query) {
        StringBuilder sql = new StringBuilder("select " + COLUMNS + " from charger_command where workspace_id = ?1");
        List<Object> parameters = new ArrayList<>(List.of(workspaceId));
        String chargerId = query.filters().get("chargerId");
        if (chargerId != null) {
            sql.append(" and charger_id = ?").append(parameters.size() + 1);
            parameters.add(uuid("chargerId", chargerId));
        }
        if (query.cursor() != null) {
            String[] position = decode(query.cursor());
            sql.append(" and (created_at, id) < (?")
                    .append(parameters.size() + 1)
                    .append(", ?")
                    .append(parameters.size() + 2)
                    .append(")");
            parameters.add(Instant.parse(position[0]));
            parameters.add(UUID.fromString(position[1]));
        }
        sql.append(" order by created_at desc, id desc limit ").append(query.limit() + 1);
        var native_ = em().createNativeQuery(sql.toString());
        for (int i = 0; i < parameters.size(); i++) {
            native_.setParameter(i + 1, parameters.get(i));
        }
        List<Object[]> rows = new ArrayList<>();
        for (Object row : native_.getResultList()) {
            rows.add((Object[]) row);
        }
        boolean more = rows.size() > query.limit();
        List<Object[]> page = more ? rows.subList(0, query.limit()) : rows;
        String next = null;
        if (more) {
            Object[] last = page.getLast();
            next = Base64.getUrlEncoder().withoutPadding().encodeToString((last[13] + "|" + last[0]).getBytes());
        }
        return new Page<>(page.stream().map(this::toDomain).toList(), next);
    }

    @Override
    public boolean complete(UUID id, String status, String detail, Map<String, Object> response, Instant at) {
        return em().createNativeQuery(
                                "update charger_command set status = ?1, detail = ?2, response = cast(?3 as jsonb),"
                                        + " completed_at = ?4, version = version + 1 where id = ?5 and status = 'PENDING'")
                        .setParameter(1, status)
                        .setParameter(2, detail)
                        .setParameter(3, response == null ? null : write(response))
                        .setParameter(4, at)
                        .setParameter(5, id)
                        .executeUpdate()
                == 1;
    }

    @Override
    public int expire(Instant now) {
        return em().createNativeQuery("update charger_command set status = 'TIMED_OUT', completed_at = ?1,"
                        + " detail = 'no result before the deadline', version = version + 1"
                        + " where status = 'PENDING' and deadline < ?1")
                .setParameter(1, now)
                .executeUpdate();
    }

    private ChargerCommand toDomain(Object[] c) {
        return new ChargerCommand(
                (UUID) c[0],
                (UUID) c[1],
                (UUID) c[2],
                (String) c[3],
                (String) c[4],
                read((String) c[5]),
                (String) c[6],
                (Instant) c[7],
                (Instant) c[8],
                (String) c[9],
                (String) c[10],
                read((String) c[11]),
                (Instant) c[12]);
    }

    private String write(Map<String, Object> value) {
        try {
            return json.writeValueAsString(value == null ? Map.of() : value);
        } catch (JsonProcessingException e) {
            throw new InvalidInputException("parameters", "cannot be stored as JSON");
        }
    }

    private Map<String, Object> read(String value) {
        if (value == null) {
            return null;
        }
        try {
            return json.readValue(value, new TypeReference<>() {});
        } catch (JsonProcessingException e) {
            return Map.of();
        }
    }

    private static UUID uuid(String field, String value) {
        try {
            return UUID.fromString(value);
        } catch (IllegalArgumentException e) {
            throw new InvalidInputException(field, "must be a UUID");
        }
    }

    private static String[] decode(String cursor) {
        try {
            String[] parts = new String(Base64.getUrlDecoder().decode(cursor)).split("\\|");
            if (parts.length != 2) {
                throw new IllegalArgumentException();
            }
            Instant.parse(parts[0]);
            UUID.fromString(parts[1]);
            return parts;
        } catch (RuntimeException e) {
            throw new InvalidInputException("cursor", "is not a cursor of this list");
        }
    }

    private static EntityManager em() {
        return Panache.getEntityManager();
    }
}

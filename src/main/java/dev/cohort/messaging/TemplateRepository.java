package dev.cohort.messaging;

import java.util.Optional;
import java.util.UUID;
import org.springframework.jdbc.core.simple.JdbcClient;
import org.springframework.stereotype.Repository;

@Repository
class TemplateRepository {
    private final JdbcClient jdbc;

    TemplateRepository(JdbcClient jdbc) {
        this.jdbc = jdbc;
    }

    Optional<InvitationTemplates.Template> find(UUID spotId, String type) {
        return jdbc.sql("select subject, body from invitation_template where spot_id = :spot and type = :type")
                .param("spot", spotId).param("type", type)
                .query((rs, n) -> new InvitationTemplates.Template(type, rs.getString(1), rs.getString(2), false))
                .optional();
    }

    /** Saves a Spot's template; {@code updated_at} moves only when the text changes. */
    void save(UUID spotId, String type, String subject, String body) {
        jdbc.sql("insert into invitation_template as t (spot_id, type, subject, body) "
                        + "values (:spot, :type, :subject, :body) "
                        + "on conflict (spot_id, type) do update set subject = excluded.subject, body = excluded.body, "
                        + "updated_at = case when (t.subject, t.body) is distinct from "
                        + "(excluded.subject, excluded.body) then now() else t.updated_at end")
                .param("spot", spotId).param("type", type).param("subject", subject).param("body", body).update();
    }

    boolean delete(UUID spotId, String type) {
        return jdbc.sql("delete from invitation_template where spot_id = :spot and type = :type")
                .param("spot", spotId).param("type", type).update() == 1;
    }

    record Member(String firstname, String lastname, String email, String spotName) {
    }

    Optional<Member> member(UUID spotId, UUID memberId) {
        return jdbc.sql("select m.firstname, m.lastname, m.email, s.name from member m join spot s on s.id = m.spot_id "
                        + "where m.spot_id = :spot and m.id = :id")
                .param("spot", spotId).param("id", memberId)
                .query((rs, n) -> new Member(rs.getString(1), rs.getString(2), rs.getString(3), rs.getString(4)))
                .optional();
    }

    record Resource(String type, String name) {
    }

    Optional<Resource> resource(UUID spotId, UUID resourceId) {
        return jdbc.sql("select type, name from resource where spot_id = :spot and id = :id")
                .param("spot", spotId).param("id", resourceId)
                .query((rs, n) -> new Resource(rs.getString(1), rs.getString(2))).optional();
    }
}
